// What "Continue" means for the active endpoint: its server's own prefill, or, for a server without
// one, an offer to ask for the rest in a new message (a prefill there would be answered anew and the
// two texts glued together).
import { Button } from '../../components/ui/Button';
import { ASK_TO_CONTINUE_TEXT, continueStyleInfo, effectiveContinue, type EffectiveContinue } from '../../domain/continue-style';
import { continueStyleOf } from '../../domain/endpoints';
import type { Message } from '../../domain/types';
import { useActiveEndpoint } from '../endpoints/endpoints-store';
import { askToContinue } from '../generation/runs';

/** How a Continue runs against the active endpoint, and that endpoint's name. */
export function useContinueMode(): EffectiveContinue & { endpointName: string } {
  const endpoint = useActiveEndpoint();
  return { ...effectiveContinue(continueStyleOf(endpoint), endpoint.baseURL), endpointName: endpoint.name };
}

/** A reply that stopped before its end (cut by the token limit, or interrupted). */
export function isCutReply(message: Message, status: Message['status']): boolean {
  return message.role === 'assistant' && (status === 'interrupted' || message.finishReason === 'length');
}

/** The Continue button's tooltip for a server with a prefill. */
export function continueTitle(mode: EffectiveContinue): string {
  return `Continue this reply where it stopped: sends ${continueStyleInfo(mode.style).sends}, and joins the answer to it as a new alternative.`;
}

/** Under the last reply when it was cut and the server cannot continue it: says so, and offers to ask. */
export function ContinueOffer({ message, status, running }: { message: Message; status: Message['status']; running: boolean }) {
  const mode = useContinueMode();
  if (mode.style !== 'none' || !isCutReply(message, status)) return null;
  const why = message.finishReason === 'length' ? 'This reply was cut off by the token limit.' : 'This reply was interrupted.';
  return (
    <div
      data-testid="continue-offer"
      role="note"
      aria-label="Continue this reply"
      className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-line bg-sunken px-3 py-2 text-[12.5px] text-muted"
    >
      <p className="min-w-0 flex-1 basis-72">
        {why}{' '}
        {mode.blocked ??
          `${mode.endpointName} cannot continue a reply from where it stopped (no assistant prefill): it would answer anew, and the two texts would not join.`}{' '}
        Ask for the rest in a new message instead.
      </p>
      <Button
        data-testid="ask-to-continue-button"
        disabled={running}
        title={`Sends “${ASK_TO_CONTINUE_TEXT}” as a new message`}
        onClick={() => void askToContinue(message.conversationId, message.id)}
      >
        Ask to continue
      </Button>
    </div>
  );
}
