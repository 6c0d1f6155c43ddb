import { useEffect, useState } from 'react';

/** Past this, the wait is shown in seconds: a quick reply never flashes a counter. */
const SHOW_SECONDS_AFTER_MS = 1000;

/**
 * The placeholder of a reply that has not sent anything yet says that it is waiting, and for how
 * long: a model loading or thinking for a minute looks different from a stuck page.
 */
export function WaitingForFirstToken({ startedAt }: { startedAt: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const elapsed = Math.max(0, now - startedAt);
  return (
    <div data-testid="waiting-first-token" className="flex items-center gap-2 py-1 text-[13px] text-muted">
      <span className="inline-flex gap-1" aria-hidden="true">
        <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-accent" />
        <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-accent [animation-delay:150ms]" />
        <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-accent [animation-delay:300ms]" />
      </span>
      <span>Waiting for the first token</span>
      {elapsed >= SHOW_SECONDS_AFTER_MS ? (
        // Not announced each second: the list around it is a live region.
        <span data-testid="waiting-seconds" className="font-mono tabular-nums text-faint" aria-hidden="true">
          {Math.floor(elapsed / 1000)} s
        </span>
      ) : null}
    </div>
  );
}
