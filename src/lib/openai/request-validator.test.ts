import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRequestValidator } from './request-validator';
import { SCHEMA_PATH } from './test-support';

describe('the browser copy of the request schema', () => {
  it('is identical to server/wire/openai-chat-schema.json', () => {
    const copy = readFileSync(new URL('./openai-chat-schema.json', import.meta.url), 'utf8');
    expect(copy).toBe(readFileSync(SCHEMA_PATH, 'utf8'));
  });

  it('validates bodies lazily', async () => {
    const validate = await loadRequestValidator();
    expect(validate({ model: 'm', messages: [{ role: 'user', content: 'hi' }] })).toEqual([]);
    expect(validate({ model: 'm', messages: [{ role: 'user', content: 'hi' }], temperature: 'hot' }).join('\n')).toContain('temperature');
  });
});
