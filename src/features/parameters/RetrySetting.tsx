import { useWorkspaceStore } from '../conversations/workspace-store';

/** How often a request that fails before its first byte (408, 409, 429, 5xx, network) is retried. */
export function RetrySetting() {
  const maxRetries = useWorkspaceStore((s) => s.maxRetries);
  const setMaxRetries = useWorkspaceStore((s) => s.setMaxRetries);
  return (
    <div className="flex items-center gap-2 px-2 py-1.5">
      <label htmlFor="max-retries" className="min-w-0 flex-1 text-[12.5px] font-medium">
        Retries before the first byte
        <span className="block text-[11px] font-normal text-faint">Backoff honours Retry-After; a started stream is never retried.</span>
      </label>
      <input
        id="max-retries"
        data-testid="max-retries-input"
        type="number"
        min={0}
        max={10}
        value={maxRetries}
        onChange={(e) => setMaxRetries(Number(e.target.value))}
        className="h-7 w-16 rounded-md border border-line bg-raised px-2 text-right font-mono text-[12px]"
      />
    </div>
  );
}
