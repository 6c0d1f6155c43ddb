/**
 * Warnings about a conversation the API will likely reject. They never block sending:
 * servers differ, and the server's own error is still shown when it does reject.
 */
import type { Message } from './types';

export interface ConversationWarning {
  /** Index in the path of the message concerned, when there is one. */
  index: number | null;
  message: string;
}

/** Model ids known to take text only (prefix match, lower case). */
const NO_VISION = [
  'gpt-3.5',
  'o1-mini',
  'o3-mini',
  'deepseek-chat',
  'deepseek-reasoner',
  'ref-chat',
  'ref-reasoner',
  'ref-tools',
  'ref-slow',
];
/** Reasoning models that want `developer` rather than `system`. */
const WANTS_DEVELOPER = [/^o1(?!-mini)/, /^o3/, /^o4/, /^gpt-5/];
/** Models that know only `system` (most open-weight servers and older models). */
const WANTS_SYSTEM = [/^gpt-3\.5/, /^gpt-4(?!\.1|o)/, /^o1-mini/, /llama|mistral|qwen|gemma|phi|deepseek/];

function hasContent(m: Message): boolean {
  return m.content.some((p) => p.type !== 'text' || p.text.trim() !== '');
}

export function checkConversation(path: readonly Message[], model: string): ConversationWarning[] {
  const out: ConversationWarning[] = [];
  const id = model.toLowerCase().replace(/^.*\//, '');
  const called = new Set<string>();
  path.forEach((m, index) => {
    const label = `Message ${index + 1} (${m.role})`;
    if (m.status === 'streaming') return;
    if (m.role === 'tool') {
      if (!m.toolCallId) out.push({ index, message: `${label} has no tool_call_id.` });
      else if (!called.has(m.toolCallId))
        out.push({ index, message: `${label} answers "${m.toolCallId}", which matches no earlier tool call.` });
    }
    if (m.role === 'assistant') {
      for (const c of m.toolCalls ?? []) {
        called.add(c.id);
        if (!c.name) out.push({ index, message: `${label}: a tool call has no function name.` });
        try {
          JSON.parse(c.arguments || '{}');
        } catch {
          out.push({ index, message: `${label}: the arguments of ${c.name || c.id} are not valid JSON.` });
        }
      }
      const answered = new Set(
        path
          .slice(index + 1)
          .filter((n) => n.role === 'tool')
          .map((n) => n.toolCallId),
      );
      const unanswered = (m.toolCalls ?? []).filter((c) => !answered.has(c.id));
      if (unanswered.length > 0 && index < path.length - 1) {
        out.push({
          index,
          message: `${label}: tool call${unanswered.length > 1 ? 's' : ''} ${unanswered.map((c) => c.id).join(', ')} left without a result.`,
        });
      }
    }
    const emptyOk = m.role === 'assistant' && ((m.toolCalls?.length ?? 0) > 0 || !!m.refusal || !!m.audio);
    if (!hasContent(m) && !emptyOk) out.push({ index, message: `${label} is empty.` });
    if (m.content.some((p) => p.type === 'image') && NO_VISION.some((p) => id.startsWith(p))) {
      out.push({ index, message: `${label} has an image, but ${model} is not known to accept images.` });
    }
    if (m.role === 'system' && WANTS_DEVELOPER.some((r) => r.test(id))) {
      out.push({ index, message: `${model} expects a developer message rather than system.` });
    }
    if (m.role === 'developer' && WANTS_SYSTEM.some((r) => r.test(id))) {
      out.push({ index, message: `${model} may not know the developer role; use system.` });
    }
    if (m.role !== 'user' && m.content.some((p) => p.type !== 'text')) {
      out.push({ index, message: `${label}: only user messages can carry images, audio or files; they are left out.` });
    }
  });
  return out;
}
