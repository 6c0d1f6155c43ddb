import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assembleSSE, caseBytes, caseFiles } from './test-support';

// A synthetic stream with multi-byte characters, CRLF framing, comments and a BOM, so cuts
// land inside UTF-8 sequences and line terminators too.
const multibyte = new TextEncoder().encode(
  '\uFEFF: keep-alive\r\n\r\n' +
    [
      { id: 'x', model: 'm', choices: [{ index: 0, delta: { role: 'assistant', content: 'héllo ' } }] },
      { choices: [{ index: 0, delta: { content: '日本語 🎉👩‍👩‍👧 ' } }] },
      { choices: [{ index: 0, delta: { reasoning_content: 'ünïcödé' }, finish_reason: null }] },
      { choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } },
    ]
      .map((c) => `event: message\r\nid: 1\r\ndata: ${JSON.stringify(c)}\r\n\r\n`)
      .join('') +
    'data: [DONE]\r\n\r\n',
);

const bodies: Record<string, Uint8Array> = { 'synthetic-multibyte.sse': multibyte };
for (const file of caseFiles().filter((f) => f.endsWith('.sse'))) bodies[file] = caseBytes(file);

describe('chunking does not matter', () => {
  it('any split of any recorded stream assembles to the same Completion', async () => {
    const whole = new Map<string, unknown>();
    for (const [name, bytes] of Object.entries(bodies)) whole.set(name, await assembleSSE(bytes));

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(bodies)),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 }),
        async (name, fractions) => {
          const bytes = bodies[name] ?? new Uint8Array();
          const cuts = fractions.map((f) => Math.floor(f * bytes.length));
          expect(await assembleSSE(bytes, cuts)).toEqual(whole.get(name));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('decodes the multi-byte stream correctly', async () => {
    const c = await assembleSSE(
      multibyte,
      Array.from({ length: multibyte.length }, (_, i) => i),
    );
    expect(c.choices[0]?.content).toBe('héllo 日本語 🎉👩‍👩‍👧 ');
    expect(c.choices[0]?.reasoning).toBe('ünïcödé');
    expect(c.sawDone).toBe(true);
  });
});
