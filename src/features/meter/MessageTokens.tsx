import type { MessageId } from '../../domain/types';
import { useMeterStore } from './meter-store';

/** A message's token count as the next request will send it (text, framing, images). */
export function MessageTokens({ messageId }: { messageId: MessageId }) {
  const tokens = useMeterStore((s) => s.perMessage[messageId]);
  if (tokens === undefined) return null;
  return (
    <span data-testid="message-tokens" className="font-mono text-[11px] text-faint" title="Tokens of this message in the next request">
      {tokens.toLocaleString('en-US')} tok
    </span>
  );
}
