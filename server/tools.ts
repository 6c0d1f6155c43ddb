// Whether a request is answered with tool calls, and which ones.
import { hashId } from './prng';
import { sampleFromSchema } from './schema';
import type { ChatRequest, ToolDef } from './types';

export interface PlannedToolCall {
  id: string;
  name: string;
  arguments: string;
}

function selectTools(request: ChatRequest, userText: string): ToolDef[] {
  const { tools, toolChoice } = request;
  if (tools.length === 0 || toolChoice === 'none') return [];
  if (typeof toolChoice === 'object') {
    const named = tools.find((t) => t.function.name === toolChoice.function.name);
    return [named ?? { type: 'function', function: { name: toolChoice.function.name } }];
  }
  // After tool results a model answers in text unless forced to call again;
  // otherwise a playground's tool loop would never end.
  const last = request.messages[request.messages.length - 1];
  if (last?.role === 'tool' && toolChoice !== 'required') return [];
  const lower = userText.toLowerCase();
  const mentioned = tools.filter((t) => lower.includes(t.function.name.toLowerCase()));
  if (mentioned.length > 0) return request.parallelToolCalls ? mentioned : mentioned.slice(0, 1);
  const first = tools[0];
  if (first && (request.model === 'ref-tools' || toolChoice === 'required')) return [first];
  return [];
}

export function planToolCalls(request: ChatRequest, userText: string, seedKey: string): PlannedToolCall[] {
  return selectTools(request, userText).map((tool, i) => ({
    id: `call_${hashId(`${seedKey}|${i}|${tool.function.name}`)}`,
    name: tool.function.name,
    arguments: JSON.stringify(sampleFromSchema(tool.function.parameters ?? { type: 'object', properties: {} })),
  }));
}
