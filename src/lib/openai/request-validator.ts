/**
 * The request schema check for the browser: a validator precompiled from the OpenAI schema
 * (request-schema.gen.js, see request-schema-gen.ts), loaded on first use in its own chunk.
 */
import { formatErrors } from './schema-errors';

export type RequestValidator = (body: unknown) => string[];

let loading: Promise<RequestValidator> | null = null;

export function loadRequestValidator(): Promise<RequestValidator> {
  loading ??= import('./request-schema.gen.js').then(
    ({ validate }) =>
      (body: unknown) =>
        validate(body) ? [] : formatErrors(validate.errors ?? []),
  );
  return loading;
}
