import { useWorkspaceStore } from '../conversations/workspace-store';

const LABEL = 'min-w-0 flex-1 text-[12.5px] font-medium';
const HINT = 'block text-[11px] font-normal text-faint';
const INPUT = 'h-7 w-16 rounded-md border border-line bg-raised px-2 text-right font-mono text-[12px]';

/** How often a request that fails before its first byte (408, 409, 429, 5xx, network) is retried, and how long to wait for that byte. */
export function RetrySetting() {
  const maxRetries = useWorkspaceStore((s) => s.maxRetries);
  const setMaxRetries = useWorkspaceStore((s) => s.setMaxRetries);
  const timeout = useWorkspaceStore((s) => s.firstByteTimeoutSec);
  const setTimeoutSec = useWorkspaceStore((s) => s.setFirstByteTimeoutSec);
  return (
    <>
      <div className="flex items-center gap-2 px-2 py-1.5">
        <label htmlFor="max-retries" className={LABEL}>
          Retries before the first byte
          <span className={HINT}>Backoff honours Retry-After; a started stream is never retried.</span>
        </label>
        <input
          id="max-retries"
          data-testid="max-retries-input"
          type="number"
          min={0}
          max={10}
          value={maxRetries}
          onChange={(e) => setMaxRetries(Number(e.target.value))}
          className={INPUT}
        />
      </div>
      <div className="flex items-center gap-2 px-2 py-1.5">
        <label htmlFor="first-byte-timeout" className={LABEL}>
          First-byte timeout (s)
          <span className={HINT}>
            A server that has not answered (no response headers) by then fails with a timeout, and is not re-sent on its own: it may have
            the request already. Once it answers, a slow first token is waited for. Stop works at any time.
          </span>
        </label>
        <input
          id="first-byte-timeout"
          data-testid="first-byte-timeout-input"
          type="number"
          min={1}
          max={600}
          value={timeout}
          onChange={(e) => setTimeoutSec(Number(e.target.value))}
          className={INPUT}
        />
      </div>
    </>
  );
}
