import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorFromHttp } from './errors';
import { nRefused } from './n-refused';

const http = (status: number, body: string) => errorFromHttp(status, '', 'application/json', body);
const groq = readFileSync(new URL('../../../server/wire/cases/groq-400-n-must-be-at-most-1.error.json', import.meta.url), 'utf8');

describe('a server refusing n > 1', () => {
  it("Groq's recorded 400 (the field named only in the message) is a refusal of n", () => {
    const error = http(400, groq);
    expect(error.param ?? null).toBeNull();
    expect(nRefused(error, 3)).toBe(true);
  });

  it('only for a request that asked for several choices', () => {
    expect(nRefused(http(400, groq), 1)).toBe(false);
    expect(nRefused(null, 3)).toBe(false);
  });

  it("other servers' words for it (each from a reported body)", () => {
    const refusals: [number, string][] = [
      // Cerebras: param n
      [400, '{"message":"\\"n\\" > 1 is not currently supported","type":"invalid_request_error","param":"n","code":"wrong_api_format"}'],
      // Together, while streaming
      [
        400,
        '{"error":{"message":"`n` > 1 is not supported when streaming tokens. Please disable `stream`","type":"invalid_request_error"}}',
      ],
      // Databricks
      [400, '{"error_code":"BAD_REQUEST","message":"Bad request: parameter \\"n\\" must be equal to 1 for streaming mode"}'],
      // llama.cpp llama-server (a 500 server_error in the versions users report)
      [500, '{"error":{"code":500,"message":"Only one completion choice is allowed","type":"server_error"}}'],
      // Gemini's OpenAI-compatible endpoint: an array of Google errors
      [400, '[{"error":{"code":400,"message":"Only one candidate can be specified in the current model","status":"INVALID_ARGUMENT"}}]'],
      // A FastAPI server forbidding the field
      [422, '{"detail":[{"type":"extra_forbidden","loc":["body","n"],"msg":"Extra inputs are not permitted","input":3}]}'],
    ];
    for (const [status, body] of refusals) expect(nRefused(http(status, body), 2), body).toBe(true);
  });

  it('not other errors, even ones that mention n or come with the same status', () => {
    const others: [number, string][] = [
      [400, '{"error":{"message":"\'temperature\' : value must be a number","type":"invalid_request_error"}}'],
      [400, '{"error":{"message":"Invalid type for \'messages\': expected an array","param":"messages"}}'],
      [500, '{"error":{"message":"internal error","param":"n"}}'],
      [429, groq],
      [422, '{"detail":[{"type":"extra_forbidden","loc":["body","top_n"],"msg":"Extra inputs are not permitted","input":3}]}'],
    ];
    for (const [status, body] of others) expect(nRefused(http(status, body), 3), body).toBe(false);
  });
});
