/**
 * The person's model facts as a file: exported to move prices between browsers or share a price
 * list, imported back. Pure; the file names its format so a wrong file is refused, not half-read.
 */
import { BOOLEAN_FACTS, NUMERIC_FACTS } from './model-facts';
import type { ModelFacts } from './model-facts';

export const PRICE_FILE_FORMAT = 'chat-playground/model-facts';

export interface PriceFile {
  format: typeof PRICE_FILE_FORMAT;
  version: 1;
  /** Per model name: prices in USD per 1M tokens, limits in tokens, capabilities as booleans. */
  models: Record<string, ModelFacts>;
}

export function priceFileJSON(overrides: Readonly<Record<string, ModelFacts>>): string {
  const file: PriceFile = { format: PRICE_FILE_FORMAT, version: 1, models: { ...overrides } };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ParsedPriceFile = { ok: true; models: Record<string, ModelFacts>; skipped: string[] } | { ok: false; error: string };

/** Reads an exported file; fields that are not facts, or not valid values, are skipped and named. */
export function parsePriceFile(text: string): ParsedPriceFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This is not a JSON file.' };
  }
  const file = raw as Partial<PriceFile> | null;
  if (typeof file !== 'object' || file === null || file.format !== PRICE_FILE_FORMAT) {
    return { ok: false, error: `This is not a price file exported by the playground (no "format": "${PRICE_FILE_FORMAT}").` };
  }
  if (typeof file.models !== 'object' || file.models === null || Array.isArray(file.models)) {
    return { ok: false, error: 'The file has no "models" object.' };
  }
  const models: Record<string, ModelFacts> = {};
  const skipped: string[] = [];
  for (const [name, facts] of Object.entries(file.models as Record<string, unknown>)) {
    if (name.trim() === '' || typeof facts !== 'object' || facts === null) {
      skipped.push(name || '(empty name)');
      continue;
    }
    const out: Record<string, number | boolean> = {};
    for (const [key, value] of Object.entries(facts)) {
      const numeric =
        (NUMERIC_FACTS as readonly string[]).includes(key) && typeof value === 'number' && Number.isFinite(value) && value >= 0;
      const boolean = (BOOLEAN_FACTS as readonly string[]).includes(key) && typeof value === 'boolean';
      if (numeric || boolean) out[key] = value as number | boolean;
      else skipped.push(`${name}.${key}`);
    }
    if (Object.keys(out).length > 0) models[name] = out as ModelFacts;
  }
  return { ok: true, models, skipped };
}
