import { useState } from 'react';
import { corsFixes, serverKind } from '../../domain/endpoints';
import type { Endpoint } from '../../domain/types';
import { testConnection } from '../../lib/openai/connection';
import type { ConnectionResult } from '../../lib/openai/connection';
import { keyHeaderFor } from '../../domain/endpoints';

interface Explained {
  ok: boolean;
  title: string;
  lines: string[];
}

/** Turns a connection result into what went wrong and what to do, per kind of failure and server. */
export function explain(result: ConnectionResult, endpoint: Endpoint, hasKey: boolean): Explained {
  if (result.ok)
    return { ok: true, title: `Connected: ${result.models} model${result.models === 1 ? '' : 's'} listed (${result.ms} ms).`, lines: [] };
  const e = result.error;
  if (e.status === 401 || e.status === 403) {
    return {
      ok: false,
      title: `The server refused the key (${e.status}).`,
      lines: [
        hasKey
          ? 'Check the API key: copied whole, not revoked, for this provider and project.'
          : 'This server needs an API key: paste it above.',
        e.message,
      ],
    };
  }
  if (e.status === 404) {
    return {
      ok: false,
      title: `Nothing at ${result.url} (404).`,
      lines: [
        'Check the base URL: most servers end in /v1 (OpenRouter: /api/v1, Groq: /openai/v1). Some servers list no models; then type the model id and send.',
        e.message,
      ],
    };
  }
  if (e.kind === 'cors' && e.message.includes('mixed content')) return { ok: false, title: e.message, lines: e.hint ? [e.hint] : [] };
  if (e.kind === 'cors' || e.kind === 'network') {
    if (result.reachable === false) {
      return {
        ok: false,
        title: `Cannot reach ${hostOf(result.url)}.`,
        lines: [
          'The host is down, the port is wrong, or a firewall blocks it. Is the server running? Try opening the URL in a new tab.',
          `Tried: ${result.url}`,
        ],
      };
    }
    return {
      ok: false,
      title: `${hostOf(result.url)} answers, but the browser blocked the reply (CORS).`,
      lines: [
        "The server must allow this page's origin:",
        ...corsFixes(serverKind(endpoint.baseURL, endpoint.presetId)).map((f) => `• ${f}`),
      ],
    };
  }
  return { ok: false, title: e.message, lines: [e.hint, e.status ? `HTTP ${e.status}` : undefined].filter((x): x is string => !!x) };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function ConnectionTest({ endpoint, apiKey }: { endpoint: Endpoint; apiKey: string }) {
  const [state, setState] = useState<{ forId: string; running: boolean; result: Explained | null }>({
    forId: endpoint.id,
    running: false,
    result: null,
  });
  const shown = state.forId === endpoint.id ? state : { forId: endpoint.id, running: false, result: null };
  const run = async () => {
    setState({ forId: endpoint.id, running: true, result: null });
    const result = await testConnection({
      baseURL: endpoint.baseURL,
      apiKey,
      headers: endpoint.headers,
      keyHeader: keyHeaderFor(endpoint),
      ...(endpoint.secretHeaders ? { secretHeaders: endpoint.secretHeaders } : {}),
    });
    setState({ forId: endpoint.id, running: false, result: explain(result, endpoint, apiKey !== '') });
  };
  return (
    <div className="space-y-1">
      <button
        type="button"
        data-testid="endpoint-test-button"
        disabled={shown.running || endpoint.baseURL === ''}
        onClick={() => void run()}
        className="h-7 rounded-md border border-line bg-raised px-2.5 text-[12px] font-medium hover:bg-sunken disabled:opacity-50"
      >
        {shown.running ? 'Testing…' : 'Test connection'}
      </button>
      {shown.result ? (
        <div
          data-testid="endpoint-test-result"
          data-ok={shown.result.ok}
          role="status"
          className={`rounded-md border px-2 py-1.5 text-[11.5px] leading-snug ${shown.result.ok ? 'border-ok/40 text-ok' : 'border-danger/40 bg-danger-soft text-danger'}`}
        >
          <div className="font-medium">{shown.result.title}</div>
          {shown.result.lines.map((l) => (
            <div key={l} className="whitespace-pre-wrap text-fg/80">
              {l}
            </div>
          ))}
        </div>
      ) : null}
    </div>
  );
}
