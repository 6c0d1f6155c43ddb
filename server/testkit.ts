// Helpers for the server tests: start a server on a free port, call it, parse SSE.
import type { AddressInfo } from 'node:net';
import { createReferenceServer } from './app';
import type { ReferenceServerOptions } from './types';

export interface TestServer {
  url: string;
  close: () => Promise<void>;
}

export async function startServer(options: ReferenceServerOptions = {}): Promise<TestServer> {
  const server = createReferenceServer(options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type JsonRecord = Record<string, unknown>;

export function post(base: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Ref-Rate': '0', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export const user = (content: string): { role: 'user'; content: string } => ({ role: 'user', content });

/** Data payloads of an SSE body, in order ("[DONE]" included as a string). */
export function sseData(text: string): string[] {
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => block.slice('data: '.length));
}

export interface Chunk {
  id: string;
  object: string;
  created: number;
  model: string;
  choices: { index: number; delta: JsonRecord; logprobs: JsonRecord | null; finish_reason: string | null }[];
  usage?: JsonRecord | null;
}

export function chunks(text: string): Chunk[] {
  return sseData(text)
    .filter((d) => d !== '[DONE]')
    .map((d) => JSON.parse(d) as Chunk);
}

/** Concatenated delta.content per choice index. */
export function contents(list: Chunk[]): string[] {
  const out: string[] = [];
  for (const chunk of list) {
    for (const choice of chunk.choices) {
      const piece = choice.delta['content'];
      out[choice.index] = (out[choice.index] ?? '') + (typeof piece === 'string' ? piece : '');
    }
  }
  return out;
}
