import { describe, expect, it } from 'vitest';
import { defaultRequestParams } from '../../domain/params';
import type { ContentPart, Message, ParamKey, RequestParams, Role } from '../../domain/types';
import { placeholderResolver, toWireMessages } from './mapping';
import type { BinaryURLResolver } from './mapping';
import { buildChatRequest } from './request';
import type { BuildResult } from './request';
import { convertSchema, validateChatRequest } from './schema-validate';
import { loadSchemaDoc } from './test-support';
import type { WireChatRequest } from './wire';

let n = 0;
function msg(role: Role, content: ContentPart[] | string, extra: Partial<Message> = {}): Message {
  n++;
  return {
    id: `m${n}`,
    conversationId: 'c',
    parentId: null,
    role,
    status: 'done',
    createdAt: 0,
    updatedAt: 0,
    content: typeof content === 'string' ? [{ type: 'text', text: content }] : content,
    ...extra,
  };
}

function params(enabled: Partial<Record<ParamKey, boolean>>, patch: Partial<RequestParams['values']> = {}, extraBody = ''): RequestParams {
  const p = defaultRequestParams('gpt-4o');
  return { ...p, enabled, values: { ...p.values, ...patch }, extraBody };
}

const history = [msg('user', 'Hi')];

/** Every body built in this file must also pass the official schema. */
function build(p: RequestParams, messages: readonly Message[] = history): Extract<BuildResult, { ok: true }> {
  const r = buildChatRequest(messages, p);
  if (!r.ok) throw new Error(r.error.message);
  expect(validateChatRequest(r.body, loadSchemaDoc())).toEqual([]);
  return r;
}

describe('buildChatRequest', () => {
  it('sends model and messages, plus streaming with usage by default', () => {
    const { body } = build(defaultRequestParams('gpt-4o'));
    expect(body).toEqual({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('sends nothing that is switched off, whatever its value', () => {
    const { body } = build(params({}, { temperature: 0.2, stop: ['x'], tools: [{ type: 'function', function: { name: 'f' } }] }));
    expect(Object.keys(body)).toEqual(['model', 'messages']);
  });

  it('gives each switched-on parameter its wire shape', () => {
    const tools = [
      { type: 'function' as const, function: { name: 'get', description: 'd', parameters: { type: 'object', properties: {} } } },
    ];
    const { body, warnings } = build(
      params(
        {
          stream: true,
          include_usage: true,
          temperature: true,
          top_p: true,
          max_completion_tokens: true,
          max_tokens: true,
          n: true,
          stop: true,
          presence_penalty: true,
          frequency_penalty: true,
          seed: true,
          logprobs: true,
          top_logprobs: true,
          logit_bias: true,
          response_format: true,
          tools: true,
          tool_choice: true,
          parallel_tool_calls: true,
          reasoning_effort: true,
          service_tier: true,
          user: true,
          safety_identifier: true,
          store: true,
          metadata: true,
          modalities: true,
          audio: true,
        },
        {
          temperature: 0.5,
          top_p: 0.9,
          max_completion_tokens: 100,
          max_tokens: 50,
          n: 2,
          stop: ['END', ''],
          presence_penalty: 0.1,
          frequency_penalty: -0.1,
          seed: 7,
          logprobs: true,
          top_logprobs: 3,
          logit_bias: { '50256': -100 },
          response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object' }, strict: true } },
          tools,
          tool_choice: { type: 'function', function: { name: 'get' } },
          parallel_tool_calls: false,
          reasoning_effort: 'low',
          service_tier: 'flex',
          user: 'u1',
          safety_identifier: 'sid',
          store: true,
          metadata: { k: 'v' },
          modalities: ['text', 'audio'],
          audio: { voice: 'alloy', format: 'mp3' },
        },
      ),
    );
    expect(warnings).toEqual([]);
    expect(body).toEqual({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.5,
      top_p: 0.9,
      max_completion_tokens: 100,
      max_tokens: 50,
      n: 2,
      stop: ['END'],
      presence_penalty: 0.1,
      frequency_penalty: -0.1,
      seed: 7,
      logprobs: true,
      top_logprobs: 3,
      logit_bias: { '50256': -100 },
      response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object' }, strict: true } },
      tools,
      tool_choice: { type: 'function', function: { name: 'get' } },
      parallel_tool_calls: false,
      reasoning_effort: 'low',
      service_tier: 'flex',
      user: 'u1',
      safety_identifier: 'sid',
      store: true,
      metadata: { k: 'v' },
      modalities: ['text', 'audio'],
      audio: { voice: 'alloy', format: 'mp3' },
    });
    expect('include_usage' in body).toBe(false);
  });

  it('leaves out empty or dependent parameters, with warnings', () => {
    const { body, warnings } = build(
      params(
        {
          stream: false,
          include_usage: true,
          stop: true,
          top_logprobs: true,
          tool_choice: true,
          parallel_tool_calls: true,
          tools: true,
          metadata: true,
          logit_bias: true,
          audio: true,
        },
        { stop: [], tools: [], metadata: {}, logit_bias: {} },
      ),
    );
    expect(Object.keys(body)).toEqual(['model', 'messages']);
    expect(warnings).toHaveLength(5);
    // A switched-on parameter is sent as chosen, false included.
    expect(build(params({ stream: true }, { stream: false })).body.stream).toBe(false);
    expect(build(params({ stream: true, include_usage: true }, { include_usage: false })).body.stream_options).toEqual({
      include_usage: false,
    });
    expect(build(params({ include_usage: true }, { stream: true })).body.stream_options).toBeUndefined();
    expect(build(params({ logprobs: true, top_logprobs: true }, { logprobs: false })).body).toMatchObject({ logprobs: false });
  });

  it('merges the extra body last, at the top level', () => {
    const { body, warnings } = build(
      params({ temperature: true }, { temperature: 1 }, '{"top_k": 40, "temperature": 0.3, "chat_template_kwargs": {"thinking": true}}'),
    );
    expect(body).toMatchObject({ top_k: 40, temperature: 0.3, chat_template_kwargs: { thinking: true } });
    expect(warnings).toEqual([]);
    expect(build(params({}, {}, '   ')).body).toEqual({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] });
    expect(build(params({}, {}, '{"model":"other"}')).warnings).toEqual(['Extra body overrides "model".']);
  });

  it('ignores prototype keys in the extra body', () => {
    const { body } = build(params({}, {}, '{"__proto__": {"polluted": 1}, "constructor": 1, "prototype": 2, "top_k": 3}'));
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(Object.keys(body)).toEqual(['model', 'messages', 'top_k']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects an extra body that is not a JSON object, precisely', () => {
    const bad = buildChatRequest(history, params({}, {}, '{"top_k": 40,, }'));
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.kind).toBe('invalid');
      expect(bad.error.message).toMatch(/^Extra body is not valid JSON: .*position 13/);
    }
    for (const text of ['[1]', '42', 'null', '"s"']) {
      const r = buildChatRequest(history, params({}, {}, text));
      expect(r.ok ? '' : r.error.message).toMatch(/^Extra body must be a JSON object/);
    }
  });
});

describe('toWireMessages', () => {
  const image: ContentPart = { type: 'image', source: { kind: 'url', url: 'https://x/cat.png' }, detail: 'low' };
  const audio: ContentPart = { type: 'audio', source: { kind: 'blob', blobId: 'b1', mimeType: 'audio/wav' }, format: 'wav' };
  const file: ContentPart = { type: 'file', source: { kind: 'blob', blobId: 'b2', mimeType: 'application/pdf' }, filename: 'a.pdf' };
  const dataURLs: BinaryURLResolver = (source, part) =>
    source.kind === 'url'
      ? placeholderResolver(source, part)
      : part.type === 'audio'
        ? 'data:audio/wav;base64,UklGRg=='
        : 'data:application/pdf;base64,JVBERi0=';

  const conversation: Message[] = [
    msg(
      'system',
      [
        { type: 'text', text: 'Be ' },
        { type: 'text', text: 'brief.' },
      ],
      { name: 'sys' },
    ),
    msg('developer', 'Dev rules', { name: '' }),
    msg('user', 'Plain', { name: 'alice' }),
    msg('user', [
      { type: 'text', text: 'a' },
      { type: 'text', text: 'b' },
    ]),
    msg('user', [{ type: 'text', text: 'Look' }, image, audio, file]),
    msg('assistant', '', { toolCalls: [{ id: 'call_1', name: 'get', arguments: '{"q":1}' }], reasoning: 'secret thoughts', name: 'bot' }),
    msg('tool', 'result', { toolCallId: 'call_1', name: 'ignored' }),
    msg('assistant', 'Sorry', { refusal: 'I refuse' }),
    msg('assistant', '', { audio: { id: 'audio_1', transcript: 'hi' } }),
    msg('assistant', ''),
  ];

  it('maps every role and part', () => {
    expect(toWireMessages(conversation, dataURLs)).toEqual([
      { role: 'system', content: 'Be brief.', name: 'sys' },
      { role: 'developer', content: 'Dev rules' },
      { role: 'user', content: 'Plain', name: 'alice' },
      { role: 'user', content: 'ab' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Look' },
          { type: 'image_url', image_url: { url: 'https://x/cat.png', detail: 'low' } },
          { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
          { type: 'file', file: { filename: 'a.pdf', file_data: 'data:application/pdf;base64,JVBERi0=' } },
        ],
      },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get', arguments: '{"q":1}' } }],
        name: 'bot',
      },
      { role: 'tool', content: 'result', tool_call_id: 'call_1' },
      { role: 'assistant', content: 'Sorry', refusal: 'I refuse' },
      { role: 'assistant', content: null, audio: { id: 'audio_1' } },
      { role: 'assistant', content: '' },
    ]);
  });

  it('uses blob: placeholders by default, and the built body validates', () => {
    const r = build(params({}), conversation);
    const user = r.body.messages[4];
    expect(user?.role === 'user' && Array.isArray(user.content) ? user.content[2] : null).toEqual({
      type: 'input_audio',
      input_audio: { data: 'blob:b1', format: 'wav' },
    });
  });
});

describe('validateChatRequest', () => {
  const doc = loadSchemaDoc();

  it('reports readable problems', () => {
    const bad = {
      model: 'm',
      messages: [{ role: 'wizard', content: 'x' }, { role: 'user' }],
      temperature: 5,
      stop: ['a', 'b', 'c', 'd', 'e'],
    } as unknown as WireChatRequest;
    const errors = validateChatRequest(bad, doc);
    expect(errors).toContain('/temperature must be <= 2');
    expect(errors).toContain("/messages/1 must have required property 'content'");
    expect(errors.some((e) => e.startsWith('/messages/0/role must be one of') && e.includes('"developer"'))).toBe(true);
    expect(errors).toContain('/stop must NOT have more than 4 items');
    expect(validateChatRequest({ messages: [] }, doc)).toContain("body must have required property 'model'");
  });

  it('allows vendor fields and nulls where the spec says nullable', () => {
    expect(
      validateChatRequest(
        { model: 'm', messages: [{ role: 'assistant', content: null, refusal: null }], top_k: 4, temperature: null },
        doc,
      ),
    ).toEqual([]);
  });

  it('says so when the schema is missing', () => {
    expect(validateChatRequest({}, null)).toEqual(['The request schema is not loaded.']);
    expect(validateChatRequest({}, {})[0]).toMatch(/could not be compiled/);
  });

  it('converts OpenAPI nullable and refs', () => {
    expect(convertSchema({ type: 'string', nullable: true, enum: ['a'], example: 'a', 'x-oaiMeta': {} })).toEqual({
      type: ['string', 'null'],
      enum: ['a', null],
    });
    expect(convertSchema({ nullable: true, oneOf: [{ $ref: '#/components/schemas/A' }] })).toEqual({
      anyOf: [{ type: 'null' }, { oneOf: [{ $ref: '#/definitions/A' }] }],
    });
    expect(convertSchema({ properties: { example: { type: 'string', deprecated: true } } })).toEqual({
      properties: { example: { type: 'string' } },
    });
  });
});

describe('provider rules in the body', () => {
  const call = msg('assistant', '', { reasoning: 'Call the tool.', toolCalls: [{ id: 'c1', name: 'f', arguments: '{}' }] });
  const toolTurn = [msg('user', 'Q'), call, msg('tool', 'sunny', { toolCallId: 'c1' }), msg('assistant', 'A'), msg('user', 'Next')];

  it('reasoning_content goes back on the tool-call turn\u2019s replies under tool-turns (empty when a reply has none), never by default', () => {
    const sent = (rules: Parameters<typeof buildChatRequest>[3]) => {
      const r = buildChatRequest(toolTurn, params({}), placeholderResolver, rules);
      if (!r.ok) throw new Error(r.error.message);
      return r.body.messages.filter((m) => m.role === 'assistant').map((m) => ('reasoning_content' in m ? m.reasoning_content : undefined));
    };
    expect(sent({})).toEqual([undefined, undefined]);
    expect(sent({ reasoningSendBack: 'tool-turns' })).toEqual(['Call the tool.', '']);
  });

  it('the output limit switched on is sent under the rule\u2019s name, in the same place', () => {
    const r = buildChatRequest(history, params({ max_tokens: true }, { max_tokens: 77 }), placeholderResolver, {
      outputLimit: 'max_completion_tokens',
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.body).toEqual({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }], max_completion_tokens: 77 });
  });
});
