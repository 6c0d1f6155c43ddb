import { Button } from '../../components/ui/Button';
import { applyFix, fixesFor, type ErrorFix } from '../../domain/error-fixes';
import type { AppError, Conversation } from '../../domain/types';
import { useActiveParams } from '../../features/conversations/use-active-conversation';
import { useActiveEndpoint } from '../../features/endpoints/endpoints-store';
import { ENDPOINT_GONE, moveToActiveEndpoint } from '../../features/generation/conversation-endpoint';
import { useMeterStore } from '../../features/meter/meter-store';

/**
 * The fixes the error itself points to, one click each: the parameter the server names switched
 * off (or swapped, or set to the limit it states), the meter for a prompt over the context window,
 * the active profile for a conversation whose own was deleted (nothing was sent: it only moves). A
 * fix that changes the request retries at once (`retry`).
 */
export function ErrorFixes({
  error,
  conversation,
  retry,
  dismiss,
}: {
  error: AppError;
  conversation: Conversation | null;
  retry: () => void;
  dismiss: () => void;
}) {
  const { params, setParams } = useActiveParams(conversation);
  const endpoint = useActiveEndpoint();
  const setMeterOpen = useMeterStore((s) => s.setDetailsOpen);
  if (!conversation) return null;

  if (error.code === ENDPOINT_GONE) {
    // Nothing was sent: the person's text is still in the composer, to send against the new profile.
    const use = () => void moveToActiveEndpoint(conversation.id).then(dismiss);
    return (
      <div className="flex flex-wrap gap-1.5 pt-1.5">
        <Button data-testid="error-fix" data-fix="use-active-endpoint" variant="primary" onClick={use}>
          Use {endpoint.name}
        </Button>
      </div>
    );
  }
  const apply = (fix: ErrorFix) => {
    if (fix.kind === 'open-meter') return setMeterOpen(true);
    setParams(applyFix(params, fix));
    retry();
  };
  const fixes = fixesFor(error, params);
  if (fixes.length === 0) return null;
  return (
    <div className="flex flex-wrap gap-1.5 pt-1.5">
      {fixes.map((fix, i) => (
        <Button
          key={fix.label}
          data-testid="error-fix"
          data-fix={fix.kind}
          variant={i === 0 ? 'primary' : 'secondary'}
          onClick={() => apply(fix)}
        >
          {fix.label}
        </Button>
      ))}
    </div>
  );
}
