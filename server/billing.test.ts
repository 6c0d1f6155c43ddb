import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunks, post, startServer, user } from './testkit';
import type { JsonRecord, TestServer } from './testkit';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

describe('[[model:NAME]] and [[usage:P/C/CACHED]]', () => {
  it('names the dated snapshot and reports the given usage, non-streamed', async () => {
    const res = await post(server.url, {
      model: 'ref-chat',
      messages: [user('hi [[model:gpt-4o-2024-08-06]] [[usage:1000/1000/500]] [[reply:ok]]')],
    });
    const body = (await res.json()) as JsonRecord;
    expect(body['model']).toBe('gpt-4o-2024-08-06');
    expect(body['usage']).toMatchObject({
      prompt_tokens: 1000,
      completion_tokens: 1000,
      total_tokens: 2000,
      prompt_tokens_details: { cached_tokens: 500, audio_tokens: 0 },
    });
  });

  it('does the same in every chunk and the usage chunk of a stream', async () => {
    const res = await post(server.url, {
      model: 'ref-chat',
      stream: true,
      stream_options: { include_usage: true },
      messages: [user('hi [[model:gpt-4o-2024-08-06]] [[usage:1000/1000]] [[reply:ok]]')],
    });
    const list = chunks(await res.text());
    expect(list.every((c) => (c as unknown as JsonRecord)['model'] === 'gpt-4o-2024-08-06')).toBe(true);
    expect((list.at(-1) as unknown as JsonRecord)['usage']).toMatchObject({
      prompt_tokens: 1000,
      completion_tokens: 1000,
      total_tokens: 2000,
    });
  });

  it('ignores a usage it cannot mean (more cached than prompt tokens) and still validates the model asked for', async () => {
    const res = await post(server.url, { model: 'ref-chat', messages: [user('[[usage:10/5/11]] [[reply:ok]]')] });
    expect(((await res.json()) as JsonRecord)['usage']).toMatchObject({ prompt_tokens_details: { cached_tokens: 0 } });
    const unknown = await post(server.url, { model: 'gpt-4o', messages: [user('[[model:gpt-4o-2024-08-06]]')] });
    expect(unknown.status).toBe(404);
  });
});
