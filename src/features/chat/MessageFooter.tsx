import type { Message } from '../../domain/types';

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** Finish reason, usage and speed of a finished reply. */
export function MessageFooter({ message, status }: { message: Message; status: Message['status'] }) {
  const { usage, timing } = message;
  const parts: string[] = [];
  if (usage) {
    const mark = message.usageEstimated ? '≈' : '';
    parts.push(`${mark}${usage.promptTokens ?? '?'} in · ${mark}${usage.completionTokens ?? '?'} out`);
    if (usage.reasoningTokens) parts.push(`${usage.reasoningTokens} reasoning`);
    if (usage.cachedPromptTokens) parts.push(`${usage.cachedPromptTokens} cached`);
  }
  if (timing?.firstTokenAt && timing.startedAt) parts.push(`TTFT ${seconds(timing.firstTokenAt - timing.startedAt)}`);
  if (timing?.finishedAt && timing.firstTokenAt && usage?.completionTokens) {
    const secs = (timing.finishedAt - timing.firstTokenAt) / 1000;
    if (secs > 0.05) parts.push(`${(usage.completionTokens / secs).toFixed(1)} tok/s`);
  }
  return (
    <footer className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-[11px] text-faint">
      {message.finishReason ? (
        <span className={`rounded px-1.5 py-0.5 font-mono ${message.finishReason === 'stop' ? 'bg-sunken' : 'bg-warn-soft text-warn'}`}>
          finish: {message.finishReason}
        </span>
      ) : null}
      {status === 'interrupted' ? <span className="rounded bg-warn-soft px-1.5 py-0.5 text-warn">interrupted</span> : null}
      {status === 'error' ? <span className="rounded bg-danger-soft px-1.5 py-0.5 text-danger">error</span> : null}
      {parts.map((p) => (
        <span key={p}>{p}</span>
      ))}
      {message.usageEstimated ? <span title="The server sent no usage; these are estimates">estimated</span> : null}
    </footer>
  );
}
