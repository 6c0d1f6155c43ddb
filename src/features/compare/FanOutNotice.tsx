import { choiceGroup } from '../../domain/choices';
import type { Conversation, Message } from '../../domain/types';
import { fanOut } from '../generation/runs';
import { AlwaysSplitButton } from './AlwaysSplitButton';

/**
 * Many compatible servers ignore `n` and answer with one choice. When that happens, offer the same
 * request as n parallel requests, so the choices can still be compared side by side.
 */
export function FanOutNotice({
  conversation,
  path,
  messages,
  running,
}: {
  conversation: Conversation | null | undefined;
  path: Message[];
  messages: Message[];
  running: boolean;
}) {
  const last = path.at(-1);
  const { enabled, values } = conversation?.params ?? { enabled: { n: false }, values: { n: 1 } };
  const asked = enabled.n ? Math.floor(values.n) : 1;
  if (!conversation || running || !last || last.role !== 'assistant' || last.status !== 'done' || asked < 2) return null;
  if (!last.requestId || last.extra?.['fanOut'] !== undefined || choiceGroup(messages, last).length > 0) return null;
  return (
    <div
      data-testid="fan-out-notice"
      role="status"
      className="mb-2 flex flex-wrap items-center gap-2 rounded-lg border border-line bg-panel px-3 py-2 text-[12.5px]"
    >
      <span className="text-muted">
        Asked for <strong className="text-fg">{asked}</strong> choices; this server returned one (it ignores{' '}
        <code className="font-mono">n</code>).
      </span>
      <button
        type="button"
        data-testid="fan-out-button"
        onClick={() => void fanOut(conversation.id, last.id)}
        className="ml-auto rounded-md bg-accent px-2.5 py-1 font-medium text-accent-fg hover:bg-accent-hover"
      >
        Fan out as {asked} parallel requests
      </button>
      <AlwaysSplitButton onDone={() => void fanOut(conversation.id, last.id)} />
    </div>
  );
}
