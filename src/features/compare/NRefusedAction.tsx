import { Button } from '../../components/ui/Button';
import type { AppError, ConversationId, Message } from '../../domain/types';
import { nRefused } from '../../lib/openai/n-refused';
import { useFollowed } from '../conversations/use-followed';
import { fanOut } from '../generation/runs';
import { AlwaysSplitButton } from './AlwaysSplitButton';

/**
 * In the error banner, when the server refused `n` > 1 (Groq and others answer 400): one click sends
 * the same turn as that many parallel single-choice requests, shown side by side like choices; or
 * makes the profile always do so. Nothing is sent again with `n`.
 */
export function NRefusedAction({
  conversationId,
  path,
  error,
}: {
  conversationId: ConversationId | null;
  path: Message[];
  error: AppError;
}) {
  const conversation = useFollowed(conversationId ? `n-refused:${conversationId}` : null, (s) =>
    conversationId ? s.getConversation(conversationId) : Promise.resolve(undefined),
  );
  const last = path.at(-1);
  // The engine's choiceCount, without loading the run engine for a banner.
  const asked = conversation?.params.enabled.n ? Math.floor(conversation.params.values.n) : 1;
  if (!conversationId || !last || !nRefused(error, asked)) return null;
  const run = () => void fanOut(conversationId, last.id);
  return (
    <div data-testid="n-refused-action" className="space-y-1.5 pt-1.5">
      <div className="text-muted">
        This server allows one choice per request (<code className="font-mono">n</code> = 1): send the same turn as {asked} requests of one
        choice each, side by side.
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="primary" className="h-7 px-2.5 text-[12.5px]" data-testid="n-refused-fan-out" onClick={run}>
          Send as {asked} parallel requests
        </Button>
        <AlwaysSplitButton onDone={run} />
      </div>
    </div>
  );
}
