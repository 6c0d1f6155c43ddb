// The last 50 chat-completion requests, so E2E tests can assert exactly what the app sent.
import type { IncomingHttpHeaders } from 'node:http';

export interface LoggedRequest {
  at: string;
  /** The request's path and query, e.g. /v1/chat/completions or /openai/deployments/x/chat/completions?api-version=…. */
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

const LIMIT = 50;

export class RequestLog {
  private entries: LoggedRequest[] = [];

  add(headers: IncomingHttpHeaders, rawBody: string, url = '/v1/chat/completions'): void {
    const flat: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) continue;
      flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    if (flat['authorization'] !== undefined) flat['authorization'] = 'Bearer ***';
    if (flat['api-key'] !== undefined) flat['api-key'] = '***';
    if (flat['x-api-key'] !== undefined) flat['x-api-key'] = '***';
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      body = rawBody; // Invalid JSON is logged as the raw text.
    }
    this.entries.push({ at: new Date().toISOString(), url, headers: flat, body });
    if (this.entries.length > LIMIT) this.entries.splice(0, this.entries.length - LIMIT);
  }

  list(): LoggedRequest[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
