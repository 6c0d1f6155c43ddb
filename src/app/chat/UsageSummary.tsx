import type { Message } from '../../domain/types';

/** Usage of the latest response: the server's numbers, or our estimate marked as such. */
export function UsageSummary({ path }: { path: Message[] }) {
  const last = [...path].reverse().find((m) => m.role === 'assistant' && m.status !== 'streaming');
  if (!last?.usage) return null;
  const { usage } = last;
  const approx = last.usageEstimated ? '≈' : '';
  return (
    <div className="flex items-center gap-3 whitespace-nowrap text-[11px] text-faint" aria-label="Usage of the latest response">
      <span>
        prompt {approx}
        <span data-testid="usage-prompt-tokens" className="font-mono text-muted">
          {usage.promptTokens ?? 0}
        </span>
      </span>
      <span>
        completion {approx}
        <span data-testid="usage-completion-tokens" className="font-mono text-muted">
          {usage.completionTokens ?? 0}
        </span>
      </span>
      {usage.totalTokens !== null ? (
        <span>
          total {approx}
          {usage.totalTokens}
        </span>
      ) : null}
      {last.usageEstimated ? <span title="The server sent no usage">(estimated)</span> : null}
    </div>
  );
}
