import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultRequestParams } from '../../domain/params';
import { appAddedFields, refusedField } from './app-added';
import { errorFromHttp } from './errors';
import { buildChatRequest } from './request';

const fastApi = (loc: string, type = 'extra_forbidden') =>
  JSON.stringify({
    detail: [
      { type: 'missing', loc: ['body', 'messages'], msg: 'Field required' },
      { type, loc: ['body', loc], msg: 'Extra inputs are not permitted' },
    ],
  });
const http = (status: number, body: string) => errorFromHttp(status, '', 'application/json', body);

describe('fields the app adds on its own', () => {
  it('stream_options while include_usage is at its default, not once the person changes it or sets it in the extra body', () => {
    const p = defaultRequestParams('m');
    expect(appAddedFields(p)).toEqual(['stream_options']);
    expect(appAddedFields({ ...p, values: { ...p.values, include_usage: false } })).toEqual([]);
    expect(appAddedFields(p, { stream_options: { include_usage: true } })).toEqual([]);
  });

  it('a refusal names one: 400/422 with it as `param`, or a FastAPI extra_forbidden entry at it (not only the first)', () => {
    const c = ['stream_options'];
    expect(refusedField(http(422, fastApi('stream_options')), 422, c)).toBe('stream_options');
    expect(refusedField(http(422, fastApi('stream_options', 'type_error')), 422, c)).toBeNull();
    expect(refusedField(http(422, fastApi('top_k')), 422, c)).toBeNull();
    const openai = '{"error":{"message":"Unknown parameter: stream_options.include_usage","param":"stream_options.include_usage"}}';
    expect(refusedField(http(400, openai), 400, c)).toBe('stream_options');
    expect(refusedField(http(500, openai), 500, c)).toBeNull();
    expect(refusedField(http(400, openai), 400, [])).toBeNull();
  });

  it("Mistral's own 422 (as its users report it) names stream_options", () => {
    const body = readFileSync(
      new URL('../../../server/wire/cases/mistral-422-stream-options-include-usage.error.json', import.meta.url),
      'utf8',
    );
    expect(refusedField(http(422, body), 422, ['stream_options'])).toBe('stream_options');
  });

  it('the builder leaves out what the endpoint refuses, and says so', () => {
    const p = defaultRequestParams('m');
    const built = buildChatRequest([], p, undefined, { unsupported: ['stream_options'] });
    expect(built.ok && 'stream_options' in built.body).toBe(false);
    expect(built.ok && built.warnings.some((w) => w.startsWith('stream_options is left out'))).toBe(true);
    const chosen = buildChatRequest([], { ...p, extraBody: '{"stream_options":{"include_usage":true}}' }, undefined, {
      unsupported: ['stream_options'],
    });
    expect(chosen.ok && chosen.body.stream_options).toEqual({ include_usage: true });
  });
});
