import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateRequestSchemaModule } from './request-schema-gen';
import { validateChatRequest } from './schema-validate';
import { loadRequestValidator } from './request-validator';
import { loadSchemaDoc } from './test-support';

const GENERATED = new URL('./request-schema.gen.js', import.meta.url);

describe('the browser request validator', () => {
  it('is generated from server/wire/openai-chat-schema.json (UPDATE_GENERATED=1 rewrites it)', { timeout: 60_000 }, () => {
    const fresh = generateRequestSchemaModule(loadSchemaDoc());
    if (process.env.UPDATE_GENERATED === '1') writeFileSync(GENERATED, fresh);
    expect(readFileSync(GENERATED, 'utf8')).toBe(fresh);
  });

  it('agrees with the compiled schema check', { timeout: 60_000 }, async () => {
    const validate = await loadRequestValidator();
    const bodies: unknown[] = [
      { model: 'm', messages: [{ role: 'user', content: 'hi' }] },
      { model: 'm', messages: [{ role: 'user', content: 'hi' }], temperature: 'hot' },
      { model: 'm', messages: [{ role: 'wizard', content: 'hi' }], n: 0 },
      { model: 'm' },
    ];
    for (const body of bodies) expect(validate(body)).toEqual(validateChatRequest(body, loadSchemaDoc()));
    expect(validate(bodies[1]).join('\n')).toContain('/temperature');
    expect(validate(bodies[0])).toEqual([]);
  });
});
