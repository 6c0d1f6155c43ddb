// Talking to the reference endpoint from Node: the expected answer text of a request.

/** The body the app sends by default (stream with usage) — used only if capturing the real one failed. */
export function promptBody(prompt: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    model: 'ref-chat',
    messages: [{ role: 'user', content: prompt }],
    stream: true,
    stream_options: { include_usage: true },
    ...extra,
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `choices[index].delta.content` of one parsed chunk, or ''. */
function deltaContent(chunk: unknown, index: number): string {
  if (!isRecord(chunk) || !Array.isArray(chunk['choices'])) return '';
  for (const choice of chunk['choices'] as unknown[]) {
    if (!isRecord(choice) || choice['index'] !== index || !isRecord(choice['delta'])) continue;
    const content = choice['delta']['content'];
    if (typeof content === 'string') return content;
  }
  return '';
}

/** Streams `body` from the endpoint and returns the full content of choice 0. */
export async function referenceText(baseURL: string, body: string): Promise<string> {
  const res = await fetch(`${baseURL}/v1/chat/completions`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  if (!res.ok) throw new Error(`reference endpoint answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
  const raw = await res.text();
  let text = '';
  for (const line of raw.split('\n')) {
    if (!line.startsWith('data: ') || line === 'data: [DONE]') continue;
    text += deltaContent(JSON.parse(line.slice(6)) as unknown, 0);
  }
  return text;
}
