import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleFromSchema } from './schema';
import { chunks, post, startServer, user } from './testkit';
import type { JsonRecord, TestServer } from './testkit';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const json = async (res: Response): Promise<JsonRecord> => (await res.json()) as JsonRecord;

function ajv(): Ajv {
  const a = new Ajv({ strict: false });
  a.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  a.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  a.addFormat('email', /^[^@\s]+@[^@\s]+\.[^@\s]+$/);
  a.addFormat('uri', /^https?:\/\/\S+$/);
  return a;
}

const weather = {
  type: 'function',
  function: {
    name: 'get_weather',
    parameters: {
      type: 'object',
      properties: {
        location: { type: 'string' },
        unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
        days: { type: 'integer', minimum: 1, maximum: 7 },
      },
      required: ['location'],
    },
  },
};
const time = { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: { zone: { type: 'string' } } } } };

describe('tool calls', () => {
  it('streams ref-tools calls in small fragments that form valid JSON', async () => {
    const res = await post(server.url, {
      model: 'ref-tools',
      stream: true,
      tools: [weather, time],
      messages: [user('What is the weather?')],
    });
    const list = chunks(await res.text());
    expect(list[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: null });
    const calls = list.flatMap((c) => (c.choices[0]?.delta['tool_calls'] as JsonRecord[] | undefined) ?? []);
    expect(calls[0]).toMatchObject({
      index: 0,
      type: 'function',
      id: expect.stringMatching(/^call_/),
      function: { name: 'get_weather', arguments: '' },
    });
    const fragments = calls.slice(1).map((c) => (c['function'] as JsonRecord)['arguments'] as string);
    expect(fragments.length).toBeGreaterThan(3);
    expect(fragments.every((f) => f.length >= 1 && f.length <= 6)).toBe(true);
    expect(calls.slice(1).every((c) => c['id'] === undefined && c['index'] === 0)).toBe(true);
    expect(JSON.parse(fragments.join(''))).toEqual({ location: 'San Francisco', unit: 'celsius', days: 3 });
    expect(list.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
  });

  it('calls every mentioned tool in parallel, or only the first when parallel_tool_calls is false', async () => {
    const ask = async (extra: JsonRecord): Promise<JsonRecord> => {
      const body = await json(
        await post(server.url, { model: 'ref-chat', tools: [weather, time], messages: [user('use get_time and get_weather')], ...extra }),
      );
      return (body['choices'] as JsonRecord[])[0] ?? {};
    };
    const both = await ask({});
    expect(both['finish_reason']).toBe('tool_calls');
    const message = both['message'] as { content: unknown; tool_calls: { function: { name: string } }[] };
    expect(message.content).toBeNull();
    expect(message.tool_calls.map((t) => t.function.name)).toEqual(['get_weather', 'get_time']);
    const one = (await ask({ parallel_tool_calls: false }))['message'] as typeof message;
    expect(one.tool_calls).toHaveLength(1);
    const none = await ask({ tool_choice: 'none' });
    expect(none['finish_reason']).toBe('stop');
  });

  it('answers with the tool result after a tool message', async () => {
    const body = await json(
      await post(server.url, {
        model: 'ref-tools',
        tools: [weather],
        messages: [
          user('weather?'),
          {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } }],
          },
          { role: 'tool', tool_call_id: 'call_1', content: '{"temp":21}' },
        ],
      }),
    );
    const content = ((body['choices'] as JsonRecord[])[0]?.['message'] as JsonRecord)['content'];
    expect(content).toContain('The `get_weather` tool returned: {"temp":21}');
  });
});

describe('structured output', () => {
  const schema = {
    type: 'object',
    properties: {
      title: { type: 'string', minLength: 3 },
      when: { type: 'string', format: 'date' },
      contact: { type: 'string', format: 'email' },
      site: { type: 'string', format: 'uri' },
      score: { type: 'number', minimum: 0, maximum: 1 },
      count: { type: 'integer', minimum: 10 },
      kind: { enum: ['a', 'b'] },
      fixed: { const: 'yes' },
      tags: { type: 'array', items: { type: 'string' }, minItems: 3 },
      owner: { $ref: '#/$defs/person' },
      either: { anyOf: [{ type: 'boolean' }, { type: 'null' }] },
      maybe: { type: ['string', 'null'] },
    },
    required: ['title', 'when', 'count', 'owner'],
    additionalProperties: false,
    $defs: { person: { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer' } }, required: ['name', 'age'] } },
  };

  it('streams a json_schema instance that validates', async () => {
    const res = await post(server.url, {
      model: 'ref-chat',
      stream: true,
      response_format: { type: 'json_schema', json_schema: { name: 'thing', schema, strict: true } },
      messages: [user('give me json')],
    });
    const list = chunks(await res.text());
    const text = list.map((c) => String(c.choices[0]?.delta['content'] ?? '')).join('');
    expect(list.length).toBeGreaterThan(20);
    const validate = ajv().compile(schema);
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('samples nested and recursive schemas that validate', () => {
    const schemas: unknown[] = [
      {
        type: 'object',
        properties: {
          items: {
            type: 'array',
            items: {
              type: 'object',
              properties: { id: { type: 'integer', exclusiveMinimum: 0 }, at: { type: 'string', format: 'date-time' } },
              required: ['id'],
            },
            maxItems: 1,
          },
        },
      },
      {
        $defs: {
          node: {
            type: 'object',
            properties: { value: { type: 'number' }, children: { type: 'array', items: { $ref: '#/$defs/node' } } },
            required: ['value', 'children'],
          },
        },
        $ref: '#/$defs/node',
      },
      { type: 'array', items: { type: 'string', maxLength: 4 }, minItems: 2, uniqueItems: true },
      {
        allOf: [
          { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] },
          { properties: { b: { type: 'boolean' } }, required: ['b'] },
        ],
      },
    ];
    for (const s of schemas) {
      const validate = ajv().compile(s as object);
      expect(validate(sampleFromSchema(s)), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('returns a JSON object for json_object mode', async () => {
    const body = await json(
      await post(server.url, { model: 'ref-chat', response_format: { type: 'json_object' }, messages: [user('json please')] }),
    );
    const content = ((body['choices'] as JsonRecord[])[0]?.['message'] as JsonRecord)['content'] as string;
    expect(JSON.parse(content)).toMatchObject({ model: 'ref-chat', messages: 1 });
  });
});

describe('reply content', () => {
  it('describes images, audio and files', async () => {
    const png = Buffer.alloc(1234, 7).toString('base64');
    const body = await json(
      await post(server.url, {
        model: 'ref-chat',
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'What is in these?' },
              { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'high' } },
              { type: 'image_url', image_url: { url: `data:image/png;base64,${png}`, detail: 'low' } },
              { type: 'input_audio', input_audio: { data: Buffer.alloc(30).toString('base64'), format: 'wav' } },
              { type: 'file', file: { filename: 'notes.pdf', file_data: 'data:application/pdf;base64,AAAA' } },
            ],
          },
        ],
      }),
    );
    const content = ((body['choices'] as JsonRecord[])[0]?.['message'] as JsonRecord)['content'] as string;
    expect(content).toContain('2 images');
    expect(content).toContain('https://example.com/cat.png');
    expect(content).toContain('image/png, 1,234 bytes');
    expect(content).toContain('`high`');
    expect(content).toContain('`wav`, 30 bytes');
    expect(content).toContain('`notes.pdf`, a data URL (application/pdf, 3 bytes)');
  });

  it('continues an assistant prefill', async () => {
    const body = await json(
      await post(server.url, { model: 'ref-chat', messages: [user('hi'), { role: 'assistant', content: 'The answer is' }] }),
    );
    const content = ((body['choices'] as JsonRecord[])[0]?.['message'] as JsonRecord)['content'] as string;
    expect(content.startsWith(' ')).toBe(true);
  });

  it('keeps default replies between 40 and 150 tokens', async () => {
    for (let seed = 0; seed < 20; seed++) {
      const body = await json(
        await post(server.url, { model: 'ref-chat', seed, messages: [user(`Question number ${seed} about the playground`)] }),
      );
      const tokens = (body['usage'] as JsonRecord)['completion_tokens'] as number;
      expect(tokens).toBeGreaterThanOrEqual(40);
      expect(tokens).toBeLessThanOrEqual(150);
    }
  });

  it('[[tokens:N]] streams exactly N tokens of markdown quickly', async () => {
    const started = Date.now();
    const res = await post(server.url, {
      model: 'ref-chat',
      stream: true,
      stream_options: { include_usage: true },
      messages: [user('[[tokens:20000]]')],
    });
    const list = chunks(await res.text());
    expect((list.at(-1)?.usage as JsonRecord)['completion_tokens']).toBe(20000);
    const text = list.map((c) => String(c.choices[0]?.delta['content'] ?? '')).join('');
    expect(text).toContain('```');
    expect(text).toContain('| --- |');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
