// The one-click fixes (domain/error-fixes.ts) offered for real error bodies of the wire corpus, as
// the client reads them: the fix must follow from what each server actually says.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFix, fixesFor, isContextLengthError } from '../../domain/error-fixes';
import { defaultRequestParams } from '../../domain/params';
import type { ParamKey, RequestParams } from '../../domain/types';
import { errorFromHttp } from './errors';

const cases = path.resolve(__dirname, '../../../server/wire/cases');
const recorded = (file: string, status: number) =>
  errorFromHttp(status, '', 'application/json', readFileSync(path.join(cases, file), 'utf8'), null);

function paramsWith(on: Partial<Record<ParamKey, unknown>>, extraBody = ''): RequestParams {
  const p = defaultRequestParams('m');
  for (const [k, value] of Object.entries(on)) {
    p.enabled[k as ParamKey] = true;
    (p.values as unknown as Record<string, unknown>)[k] = value;
  }
  return { ...p, extraBody };
}

describe('one-click fixes from real error bodies', () => {
  it('OpenAI refusing max_tokens for max_completion_tokens: the swap first, then switching it off', () => {
    const error = recorded('openai-400-unsupported-parameter.error.json', 400);
    const params = paramsWith({ max_tokens: 300 });
    const fixes = fixesFor(error, params);
    expect(fixes.map((f) => f.label)).toEqual(['Send it as max_completion_tokens and retry', 'Switch off max_tokens and retry']);
    const swapped = applyFix(params, fixes[0]!);
    expect(swapped.enabled).toMatchObject({ max_tokens: false, max_completion_tokens: true });
    expect(swapped.values.max_completion_tokens).toBe(300);
    expect(params.enabled.max_tokens).toBe(true); // not mutated
  });

  it('OpenAI (through OpenRouter) refusing a temperature value: switch it off', () => {
    const error = recorded('openrouter-400-provider-error-raw.error.json', 400);
    const fixes = fixesFor(error, paramsWith({ temperature: 0.2 }));
    expect(fixes.map((f) => f.label)).toContain('Switch off temperature and retry');
    expect(
      applyFix(
        paramsWith({ temperature: 0.2 }),
        fixes.find((f) => f.kind === 'switch-off')!,
      ).enabled.temperature,
    ).toBe(false);
  });

  it('Mistral refusing stream_options.include_usage the person switched on: switch include_usage off', () => {
    const error = recorded('mistral-422-stream-options-include-usage.error.json', 422);
    const fixes = fixesFor(error, paramsWith({ include_usage: true, stream: true }));
    expect(fixes.map((f) => f.label)).toEqual(['Switch off include_usage and retry']);
  });

  it('a field of the extra body that the server forbids: remove it from there', () => {
    const error = recorded('mistral-422-extra-forbidden.error.json', 422);
    const params = paramsWith({}, '{"stream_options": {"include_usage": true}, "safe_prompt": true}');
    const fixes = fixesFor(error, params);
    expect(fixes.map((f) => f.label)).toEqual(['Remove stream_options from extra body and retry']);
    expect(JSON.parse(applyFix(params, fixes[0]!).extraBody)).toEqual({ safe_prompt: true });
  });

  it('nothing to switch off when the person never switched the field on', () => {
    const error = recorded('openai-400-unsupported-parameter.error.json', 400);
    expect(fixesFor(error, paramsWith({}))).toEqual([]);
  });

  it('context length errors of vLLM and llama.cpp offer the meter', () => {
    for (const file of ['vllm-400-context-length.error.json', 'llamacpp-400-exceed-context-size.error.json']) {
      const error = recorded(file, 400);
      expect(isContextLengthError(error), file).toBe(true);
      expect(
        fixesFor(error, paramsWith({})).map((f) => f.kind),
        file,
      ).toEqual(['open-meter']);
    }
    expect(isContextLengthError(recorded('openai-401-invalid-api-key.error.json', 401))).toBe(false);
  });

  it('a limit the server states becomes "set to" (OpenAI max_tokens too large)', () => {
    // OpenAI's documented wording for an over-limit max_tokens (param max_tokens, code invalid_value).
    const body = {
      error: {
        message: 'max_tokens is too large: 100000. This model supports at most 16384 completion tokens, whereas you provided 100000.',
        type: 'invalid_request_error',
        param: 'max_tokens',
        code: 'invalid_value',
      },
    };
    const error = errorFromHttp(400, '', 'application/json', JSON.stringify(body), null);
    const fixes = fixesFor(error, paramsWith({ max_tokens: 100000 }));
    expect(fixes.map((f) => f.label)).toEqual(['Set max_tokens to 16384 and retry', 'Switch off max_tokens and retry']);
    expect(applyFix(paramsWith({ max_tokens: 100000 }), fixes[0]!).values.max_tokens).toBe(16384);
  });

  it("Azure's 'Unrecognized request argument supplied' names the field in words", () => {
    const body = {
      error: { message: 'Unrecognized request argument supplied: seed', type: 'invalid_request_error', param: null, code: null },
    };
    const error = errorFromHttp(400, '', 'application/json', JSON.stringify(body), null);
    expect(fixesFor(error, paramsWith({ seed: 7 })).map((f) => f.label)).toEqual(['Switch off seed and retry']);
  });

  it('n refused is left to the fan-out offer', () => {
    const body = { error: { message: "'n' : number must be at most 1", type: 'invalid_request_error', param: 'n' } };
    const error = errorFromHttp(400, '', 'application/json', JSON.stringify(body), null);
    expect(fixesFor(error, paramsWith({ n: 3 }))).toEqual([]);
  });
});
