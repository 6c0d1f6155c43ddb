import type { ErrorObject } from 'ajv';
import { isArray } from './guards';

/** Readable messages; enum failures at one path (one per oneOf branch) are merged. */
export function formatErrors(errors: readonly ErrorObject[]): string[] {
  const enums = new Map<string, Set<string>>();
  const out = new Set<string>();
  for (const e of errors) {
    const where = e.instancePath === '' ? 'body' : e.instancePath;
    if (e.keyword === 'enum' && isArray(e.params.allowedValues)) {
      const set = enums.get(where) ?? new Set<string>();
      for (const v of e.params.allowedValues) set.add(JSON.stringify(v));
      enums.set(where, set);
    } else if (e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if') {
      out.add(`${where} ${e.message ?? 'is invalid'}`);
    }
  }
  for (const [where, values] of enums) out.add(`${where} must be one of ${[...values].join(', ')}`);
  if (out.size === 0 && errors.length > 0) out.add(`${errors[0]?.instancePath || 'body'} does not match the schema`);
  return [...out];
}
