// Facts about the conversation that replies talk about: what the user said,
// what they attached, which tool results came back, whether to continue a prefill.
import { messageText } from './tokens';
import type { ChatMessage, ContentPart } from './types';

interface DataUrl {
  mime: string;
  bytes: number;
}

export function parseDataUrl(url: string): DataUrl | null {
  const match = /^data:([^;,]*)((?:;[^;,]*)*),([\s\S]*)$/.exec(url);
  if (!match) return null;
  const [, mime = '', params = '', data = ''] = match;
  if (params.includes(';base64')) {
    const clean = data.replace(/\s+/g, '');
    const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
    return { mime: mime || 'application/octet-stream', bytes: Math.max(0, Math.floor((clean.length * 3) / 4) - padding) };
  }
  let decoded = data;
  try {
    decoded = decodeURIComponent(data);
  } catch {
    // Keep the raw text: a malformed escape still has a size.
  }
  return { mime: mime || 'text/plain', bytes: Buffer.byteLength(decoded) };
}

const base64Bytes = (data: string): number => parseDataUrl(`data:;base64,${data}`)?.bytes ?? 0;
// Thousands separators without Intl (its first use costs ~300 ms).
const fmt = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function describeSource(url: string): string {
  const data = parseDataUrl(url);
  if (data) return `a data URL (${data.mime}, ${fmt(data.bytes)} bytes)`;
  return url.length > 200 ? `${url.slice(0, 200)}…` : url;
}

function describePart(part: ContentPart): string | null {
  if (part.type === 'image_url' && part.image_url) {
    return `image, detail \`${part.image_url.detail ?? 'auto'}\`, source ${describeSource(part.image_url.url)}`;
  }
  if (part.type === 'input_audio' && part.input_audio) {
    return `audio clip, format \`${part.input_audio.format}\`, ${fmt(base64Bytes(part.input_audio.data))} bytes`;
  }
  if (part.type === 'file' && part.file) {
    const name = part.file.filename ? `\`${part.file.filename}\`` : 'unnamed';
    if (part.file.file_data) return `file ${name}, ${describeSource(part.file.file_data)}`;
    return `file ${name}, id \`${part.file.file_id ?? 'unknown'}\``;
  }
  return null;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A markdown paragraph listing the non-text parts of a message, or null if there are none. */
export function describeAttachments(message: ChatMessage | undefined): string | null {
  if (!message || !Array.isArray(message.content)) return null;
  const parts = message.content.filter((p) => p.type !== 'text' && p.type !== 'refusal');
  if (parts.length === 0) return null;
  const images = parts.filter((p) => p.type === 'image_url').length;
  const audio = parts.filter((p) => p.type === 'input_audio').length;
  const files = parts.filter((p) => p.type === 'file').length;
  const counts = [
    images > 0 ? plural(images, 'image') : '',
    audio > 0 ? plural(audio, 'audio clip') : '',
    files > 0 ? plural(files, 'file') : '',
  ].filter((s) => s.length > 0);
  const lines = parts.map((p, i) => `${i + 1}. ${describePart(p) ?? p.type}`);
  return `I received ${counts.join(', ')}:\n\n${lines.join('\n')}`;
}

/** The text of the trailing tool results, naming each tool via its tool_call_id. */
export function describeToolResults(messages: readonly ChatMessage[]): string | null {
  const results: ChatMessage[] = [];
  for (let i = messages.length - 1; i >= 0 && messages[i]?.role === 'tool'; i--) {
    const message = messages[i];
    if (message) results.unshift(message);
  }
  if (results.length === 0) return null;
  const names = new Map<string, string>();
  for (const m of messages) for (const call of m.tool_calls ?? []) names.set(call.id, call.function.name);
  const lines = results.map((m) => {
    const name = names.get(m.tool_call_id ?? '') ?? m.name ?? 'unknown';
    const text = messageText(m);
    const shown = text.length > 600 ? `${text.slice(0, 600)}…` : text;
    return `The \`${name}\` tool returned: ${shown}`;
  });
  return lines.join('\n\n');
}

export function lastUserIndex(messages: readonly ChatMessage[]): number {
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]?.role === 'user') return i;
  return -1;
}

/** Short single-line quote of the user's words for echoing. */
export function quote(text: string, maxChars = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  const cut = flat.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return `${space > maxChars / 2 ? cut.slice(0, space) : cut}…`;
}
