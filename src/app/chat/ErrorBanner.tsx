import { lazy, Suspense, useEffect, useState } from 'react';
import { Button } from '../../components/ui/Button';
import { AlertIcon } from '../../components/ui/icons';
import type { AppError, Conversation, Message } from '../../domain/types';
import { setRunError, useLiveRuns, type RetryState } from '../../features/generation/live-run-store';
import { regenerate, sendConversation, stopRun } from '../../features/generation/runs';

// The fixes an error points to load with the first error, not with the first screen.
const NRefusedAction = lazy(() => import('../../features/compare/NRefusedAction').then((m) => ({ default: m.NRefusedAction })));
const ErrorFixes = lazy(() => import('./ErrorFixes').then((m) => ({ default: m.ErrorFixes })));

const TITLE: Record<AppError['kind'], string> = {
  http: 'The server returned an error',
  network: 'Could not reach the server',
  cors: 'The request was blocked',
  stream: 'The server reported an error mid-stream',
  malformed: 'The response could not be read',
  interrupted: 'The reply was interrupted',
  timeout: 'The server did not answer in time',
  storage: 'Saving failed',
  invalid: 'The request could not be built',
};

/** The error of the latest request: a live one from this session, else the one saved on the last reply. */
export function ErrorBanner({ conversation, path }: { conversation: Conversation | null; path: Message[] }) {
  const conversationId = conversation?.id ?? null;
  const liveError = useLiveRuns((s) => (conversationId ? s.errors[conversationId] : undefined));
  const retry = useLiveRuns((s) => (conversationId ? s.runs[conversationId]?.retry : null));
  const dismissedId = useLiveRuns((s) => (conversationId ? s.dismissed[conversationId] : undefined));
  const last = path.at(-1);
  const savedError =
    last?.role === 'assistant' && (last.status === 'error' || last.status === 'interrupted') && last.id !== dismissedId ? last.error : null;
  const error = liveError ?? savedError ?? null;

  if (retry && conversationId) return <RetryCountdown retry={retry} onCancel={() => stopRun(conversationId)} />;
  if (!error) return null;

  const onRetry = () => {
    if (!conversationId) return;
    setRunError(conversationId, null);
    if (last?.role === 'assistant') void regenerate(conversationId, last.id);
    else void sendConversation('');
  };

  return (
    <div
      data-testid="error-banner"
      role="alert"
      className="mx-auto mb-2 flex max-w-3xl items-start gap-3 rounded-lg border border-danger/40 bg-danger-soft px-3.5 py-2.5 text-[13px] text-fg"
    >
      <span className="mt-0.5 text-danger">
        <AlertIcon />
      </span>
      <div className="min-w-0 flex-1 space-y-0.5">
        <div className="font-semibold text-danger">
          {TITLE[error.kind]}
          {error.status ? ` (HTTP ${error.status})` : ''}
          {error.code !== undefined && error.code !== null ? (
            <span className="ml-1 font-mono font-normal text-faint">{String(error.code)}</span>
          ) : null}
        </div>
        <div className="break-words">{error.message}</div>
        <ErrorLines error={error} />
        {error.hint ? <div className="text-muted">{error.hint}</div> : null}
        <RawResponse error={error} />
        <Suspense fallback={null}>
          <ErrorFixes
            error={error}
            conversation={conversation}
            retry={onRetry}
            dismiss={() => conversationId && setRunError(conversationId, null)}
          />
        </Suspense>
        <Suspense fallback={null}>
          <NRefusedAction conversationId={conversationId} path={path} error={error} />
        </Suspense>
      </div>
      {conversationId ? (
        <div className="flex shrink-0 gap-1.5">
          <Button onClick={onRetry}>Retry</Button>
          <Button
            variant="ghost"
            aria-label="Dismiss error"
            onClick={() => {
              setRunError(conversationId, null);
              if (last) useLiveRuns.setState((s) => ({ dismissed: { ...s.dismissed, [conversationId]: last.id } }));
            }}
          >
            ✕
          </Button>
        </div>
      ) : null}
    </div>
  );
}

/** The server's extra facts: lines not already in the message. */
function ErrorLines({ error }: { error: AppError }) {
  const lines = (error.detailLines ?? []).filter((l) => !error.message.includes(l));
  if (lines.length === 0) return null;
  return (
    <ul data-testid="error-detail-lines" className="list-inside list-disc font-mono text-[12px] text-muted">
      {lines.map((l, i) => (
        <li key={i} className="break-words">
          {l}
        </li>
      ))}
    </ul>
  );
}

const FROM_SERVER = new Set<AppError['kind']>(['http', 'stream', 'malformed']);

/** The body as received, collapsed: for shapes the app does not know, it is the only account of what went wrong. */
function RawResponse({ error }: { error: AppError }) {
  const raw = error.detail?.trim();
  if (!raw || raw === error.message.trim()) return null;
  return (
    <details data-testid="error-raw" className="text-[12px]">
      <summary className="cursor-pointer text-muted select-none">{FROM_SERVER.has(error.kind) ? 'Raw response' : 'Details'}</summary>
      <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap break-words rounded bg-sunken px-2 py-1 font-mono text-[11px]">
        {error.detail}
      </pre>
    </details>
  );
}

function RetryCountdown({ retry, onCancel }: { retry: RetryState; onCancel: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(t);
  }, []);
  const secs = Math.max(0, (retry.until - now) / 1000);
  return (
    <div
      role="status"
      data-testid="retry-countdown"
      className="mx-auto mb-2 flex max-w-3xl items-center gap-3 rounded-lg border border-warn/40 bg-warn-soft px-3.5 py-2 text-[13px]"
    >
      <span className="flex-1">
        <span className="font-semibold text-warn">{retry.message}</span> — retrying in {secs.toFixed(1)} s (retry {retry.attempt} of{' '}
        {retry.maxRetries})
      </span>
      <Button onClick={onCancel}>Cancel</Button>
    </div>
  );
}
