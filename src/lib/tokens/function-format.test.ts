/**
 * Tool tokens counted as the chat format renders them, checked against prompt_tokens the API
 * reported for the same requests (gpt-tokenizer's fixtures, measured on gpt-4o).
 */
import { describe, expect, it } from 'vitest';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { functionCallingTestCases } from 'gpt-tokenizer/esm/fixtures/functionCallingTestCases';
import { defaultRequestParams } from '../../domain/params';
import { MESSAGE_OVERHEAD, ROLE_TOKENS, requestExtraTexts, sumPrompt } from '../../domain/tokens';
import type { ToolDefinition } from '../../domain/types';
import { loadFunctionFormatter } from './function-format';

type Case = {
  messages: { role?: string; content: string; name?: string }[];
  functions?: ToolDefinition['function'][];
  function_call?: unknown;
  tokens: number;
};

describe('tool definitions as the model sees them', () => {
  it('a one-message request with tools costs what the API reported', async () => {
    const format = await loadFunctionFormatter();
    const cases = (functionCallingTestCases as Case[]).filter(
      (c) => c.functions && !c.function_call && c.messages.length === 1 && c.messages[0]!.role === 'user',
    );
    expect(cases.length).toBeGreaterThanOrEqual(5);
    for (const c of cases) {
      const params = defaultRequestParams('gpt-4o');
      params.enabled.tools = true;
      params.values.tools = c.functions!.map((f) => ({ type: 'function', function: f }));
      const { tools, toolsRendered } = requestExtraTexts(params, format);
      expect(toolsRendered).toBe(true);
      expect(tools).toMatch(/^namespace functions \{/);
      const total = sumPrompt({
        messageTexts: [countTokens(c.messages[0]!.content)],
        framing: MESSAGE_OVERHEAD + ROLE_TOKENS,
        imageTokens: 0,
        toolsTokens: countTokens(tools),
        toolsRendered,
        schemaTokens: 0,
        draftTokens: null,
      }).total;
      expect(total, JSON.stringify(c.functions)).toBe(c.tokens);
    }
  });

  it('without the renderer the tools are counted as sent (JSON)', () => {
    const params = defaultRequestParams('gpt-4o');
    params.enabled.tools = true;
    params.values.tools = [{ type: 'function', function: { name: 'f' } }];
    expect(requestExtraTexts(params)).toMatchObject({ toolsRendered: false, tools: JSON.stringify(params.values.tools) });
  });
});
