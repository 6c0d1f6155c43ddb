import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorFromHttp } from './errors';
import { isReasoningSendBackRefusal, refusedOutputLimit } from './provider-refusals';

const http = (status: number, body: string) => errorFromHttp(status, '', 'application/json', body);
const recorded = (file: string) => readFileSync(new URL(`../../../server/wire/cases/${file}`, import.meta.url), 'utf8');

describe("DeepSeek's refusal of a follow-up without reasoning_content", () => {
  it('is recognised in the recorded body, the V3.2 wording, and wrapped by OpenRouter', () => {
    expect(isReasoningSendBackRefusal(http(400, recorded('deepseek-400-reasoning-content-passed-back.error.json')), 400)).toBe(true);
    const older =
      '{"error":{"message":"Missing `reasoning_content` field in the assistant message at message index 2","type":"invalid_request_error"}}';
    expect(isReasoningSendBackRefusal(http(400, older), 400)).toBe(true);
    const routed = JSON.stringify({
      error: {
        message: 'Provider returned error',
        code: 400,
        metadata: {
          raw: '{"error":{"message":"The `reasoning_content` in the thinking mode must be passed back to the API.","type":"invalid_request_error","param":null,"code":"invalid_request_error"}}',
          provider_name: 'DeepSeek',
        },
      },
    });
    expect(isReasoningSendBackRefusal(http(400, routed), 400)).toBe(true);
  });

  it('other 400s, and the same text with another status, are not', () => {
    expect(isReasoningSendBackRefusal(http(400, recorded('openai-400-unsupported-parameter.error.json')), 400)).toBe(false);
    expect(isReasoningSendBackRefusal(http(500, recorded('deepseek-400-reasoning-content-passed-back.error.json')), 500)).toBe(false);
    expect(isReasoningSendBackRefusal(null, 400)).toBe(false);
  });
});

describe('a refused output-limit name', () => {
  it("OpenAI's recorded 400 refuses max_tokens, not max_completion_tokens", () => {
    const error = http(400, recorded('openai-400-unsupported-parameter.error.json'));
    expect(refusedOutputLimit(error, 400, 'max_tokens')).toBe(true);
    expect(refusedOutputLimit(error, 400, 'max_completion_tokens')).toBe(false);
  });

  it('an older Azure API version refusing max_completion_tokens, and a FastAPI extra_forbidden entry', () => {
    const azure = '{"error":{"code":"BadRequest","message":"Unrecognized request argument supplied: max_completion_tokens"}}';
    expect(refusedOutputLimit(http(400, azure), 400, 'max_completion_tokens')).toBe(true);
    const fastapi = '{"detail":[{"type":"extra_forbidden","loc":["body","max_completion_tokens"],"msg":"Extra inputs are not permitted"}]}';
    expect(refusedOutputLimit(http(422, fastapi), 422, 'max_completion_tokens')).toBe(true);
    expect(refusedOutputLimit(http(422, fastapi), 422, 'max_tokens')).toBe(false);
  });
});
