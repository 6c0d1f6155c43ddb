// "[[fault:...]]" responses that replace the normal answer before any token:
// error statuses, HTML pages, a hung connection, JSON where a stream was asked for.
import type { ServerResponse } from 'node:http';
import { overloadedError, rateLimitError, serverError } from './errors';
import { sendError, startEventStream } from './http';

export const STREAM_FAULTS = ['midstream-error', 'drop', 'malformed', 'no-done'] as const;

const NGINX_502 =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n';

const LOGIN_PAGE =
  '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Sign in</title></head>\n<body>\n<h1>Sign in to continue</h1>\n<form method="post" action="/login"><input name="user"><input name="password" type="password"><button>Sign in</button></form>\n</body>\n</html>\n';

function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(html) });
  res.end(html);
}

/** Remembers which request bodies already got their one-time failure. */
export class OnceTracker {
  private readonly seen = new Set<string>();

  first(key: string): boolean {
    if (this.seen.has(key)) return false;
    if (this.seen.size > 10_000) this.seen.clear();
    this.seen.add(key);
    return true;
  }
}

/**
 * Answers the request if `fault` is one that happens before generation.
 * Returns a promise that settles when the response is finished, or null when
 * the request should proceed normally.
 */
export function respondWithFault(
  fault: string,
  res: ServerResponse,
  headers: Record<string, string>,
  stream: boolean,
  isFirstAttempt: () => boolean,
): Promise<void> | null {
  // `429`, `429-once`, and `429:S` / `429-once:S` to wait S seconds (1 to 60) instead of 1.
  const limited = /^(429|429-once)(?::(\d{1,2}))?$/.exec(fault);
  if (limited) {
    if (limited[1] === '429-once' && !isFirstAttempt()) return null;
    const seconds = Math.min(60, Math.max(1, Number(limited[2] ?? 1)));
    // OpenAI's 429 carries the wait three ways: Retry-After (seconds), retry-after-ms (which its SDKs
    // read first) and the exhausted limit's x-ratelimit-reset-* (platform.openai.com/docs/guides/rate-limits).
    sendError(res, rateLimitError(seconds), {
      ...headers,
      'Retry-After': String(seconds),
      'retry-after-ms': String(seconds * 1000),
      'x-ratelimit-limit-requests': '3',
      'x-ratelimit-remaining-requests': '0',
      'x-ratelimit-reset-requests': `${seconds}s`,
    });
    return Promise.resolve();
  }
  switch (fault) {
    case '500':
      sendError(res, serverError(), headers);
      return Promise.resolve();
    case '503-once':
      if (!isFirstAttempt()) return null;
      sendError(res, overloadedError(), headers);
      return Promise.resolve();
    case 'html':
      sendHtml(res, 502, NGINX_502, headers);
      return Promise.resolve();
    case 'html-200':
      sendHtml(res, 200, LOGIN_PAGE, headers);
      return Promise.resolve();
    case 'hang':
      if (stream) startEventStream(res, headers);
      else {
        res.writeHead(200, { ...headers, 'Content-Type': 'application/json' });
        res.flushHeaders();
      }
      // Nothing more is sent; the socket stays open until the client gives up.
      return new Promise((resolve) => res.on('close', () => resolve()));
    default:
      return null;
  }
}

/**
 * "[[fault:echo-key]]" / "[[fault:echo-key-stream]]": a server that repeats the API key it was sent
 * in its error (as some do: "Incorrect API key provided: sk-…"), before or in the middle of a stream,
 * so a client can prove it never shows or stores it.
 */
export function respondEchoingKey(
  fault: string,
  res: ServerResponse,
  headers: Record<string, string>,
  authorization: string | undefined,
): Promise<void> | null {
  if (fault !== 'echo-key' && fault !== 'echo-key-stream') return null;
  const key = /^Bearer\s+(.*)$/i.exec(authorization ?? '')?.[1] ?? '(none)';
  const message = `Incorrect API key provided: ${key}. You can find your API key at https://example.com/keys.`;
  if (fault === 'echo-key') {
    const body = JSON.stringify({ error: { message, type: 'invalid_request_error', param: null, code: 'invalid_api_key', key } });
    res.writeHead(401, { ...headers, 'Content-Type': 'application/json' });
    res.end(body);
    return Promise.resolve();
  }
  startEventStream(res, headers);
  const chunk = (delta: Record<string, unknown>) =>
    `data: ${JSON.stringify({ id: 'chatcmpl-echo', object: 'chat.completion.chunk', created: 1, model: 'ref-chat', choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`;
  res.end(
    `${chunk({ role: 'assistant', content: '' })}${chunk({ content: 'Started, then ' })}data: ${JSON.stringify({ error: { message, key, metadata: { raw: `upstream said: ${key}` } } })}\n\n`,
  );
  return Promise.resolve();
}

/**
 * "[[fault:echo-org]]": OpenAI's 401 for an organization the key does not belong to, which repeats
 * the `OpenAI-Organization` header it was sent. The message is OpenAI's ("No such organization:
 * Personal." — github.com/tom-doerr/zsh_codex/issues/5, openai-python's AuthenticationError) and the
 * body its usual shape with code `invalid_organization` (github.com/ai-genie/chatgpt-vscode/issues/91).
 * Strict like the real one: without the header there is nothing to refuse, and the fault does not fire.
 */
export function respondEchoingOrganization(
  fault: string,
  res: ServerResponse,
  headers: Record<string, string>,
  organization: string | string[] | undefined,
): Promise<void> | null {
  if (fault !== 'echo-org' || typeof organization !== 'string' || organization === '') return null;
  const body = JSON.stringify({
    error: { message: `No such organization: ${organization}.`, type: 'invalid_request_error', param: null, code: 'invalid_organization' },
  });
  res.writeHead(401, { ...headers, 'Content-Type': 'application/json' });
  res.end(body);
  return Promise.resolve();
}
