import { describe, expect, it } from 'vitest';
import type { ContinueStyle } from '../../domain/continue-style';
import { defaultRequestParams } from '../../domain/params';
import type { Message, Role } from '../../domain/types';
import { continueRequest, withoutContinueFields } from './continue-request';
import { buildChatRequest } from './request';
import { validateChatRequest } from './schema-validate';
import { loadSchemaDoc } from './test-support';
import type { WireChatRequest } from './wire';

const msg = (id: string, role: Role, text: string): Message => ({
  id,
  conversationId: 'c',
  parentId: null,
  role,
  status: 'done',
  createdAt: 0,
  updatedAt: 0,
  content: [{ type: 'text', text }],
});

/** A built request whose last message is a reply cut at "one two three four". */
function cutBody(): WireChatRequest {
  const params = defaultRequestParams('m');
  const built = buildChatRequest([msg('u', 'user', 'Count to eight'), msg('a', 'assistant', 'one two three four')], {
    ...params,
    enabled: { ...params.enabled, max_completion_tokens: true },
    values: { ...params.values, max_completion_tokens: 64 },
  });
  if (!built.ok) throw new Error(built.error.message);
  return built.body;
}

describe('continueRequest', () => {
  it('Mistral and DeepSeek: prefix: true on the last (assistant) message only', () => {
    for (const style of ['mistral-prefix', 'deepseek-prefix'] as const) {
      const body = continueRequest(cutBody(), style)!;
      expect(body.messages).toEqual([
        { role: 'user', content: 'Count to eight' },
        { role: 'assistant', content: 'one two three four', prefix: true },
      ]);
      expect(Object.keys(body).sort()).toEqual(Object.keys(cutBody()).sort());
    }
  });

  it('vLLM: continue_final_message true and add_generation_prompt false at the top level, messages as they are', () => {
    const body = continueRequest(cutBody(), 'vllm')!;
    expect(body).toEqual({ ...cutBody(), continue_final_message: true, add_generation_prompt: false });
  });

  it('a trailing assistant message is sent as it is for llama.cpp, LM Studio and Ollama', () => {
    expect(continueRequest(cutBody(), 'trailing-assistant')).toEqual(cutBody());
  });

  it('none: no request (a prefill would be answered anew); nor for a body that does not end with the assistant', () => {
    expect(continueRequest(cutBody(), 'none')).toBeNull();
    const body = cutBody();
    expect(continueRequest({ ...body, messages: body.messages.slice(0, 1) }, 'mistral-prefix')).toBeNull();
  });

  it('does not change the body it was given', () => {
    const body = cutBody();
    continueRequest(body, 'mistral-prefix');
    continueRequest(body, 'vllm');
    expect(body).toEqual(cutBody());
  });
});

describe('continued requests against the OpenAI schema', () => {
  const styles: ContinueStyle[] = ['mistral-prefix', 'deepseek-prefix', 'vllm', 'trailing-assistant'];

  it.each(styles)(
    '%s: only the named vendor fields are added; the rest is the built request and validates',
    { timeout: 60_000 },
    (style) => {
      const body = continueRequest(cutBody(), style)!;
      expect(withoutContinueFields(body, style)).toEqual(cutBody());
      expect(validateChatRequest(withoutContinueFields(body, style), loadSchemaDoc())).toEqual([]);
      // The schema tolerates vendor fields, so the continued body validates too…
      expect(validateChatRequest(body, loadSchemaDoc())).toEqual([]);
      // …and the check still catches a broken standard part in it.
      const broken = { ...body, messages: [{ role: 'wizard', content: 'x' }, ...body.messages] };
      expect(validateChatRequest(broken, loadSchemaDoc()).join('\n')).toMatch(/messages\/0/);
    },
  );
});
