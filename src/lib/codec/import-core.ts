/**
 * Reading an import file off the page's thread (import.worker.ts runs this): the file is read in
 * chunks (progress in bytes), parsed and checked by the one `restore()` path, and the result goes
 * back in small messages (a few conversations, a few binaries each), so that no single message
 * takes the page long to receive. Nothing here writes anything.
 */
import type { BlobData, ConversationBundle, RestoreError, RestoreSource, SettingsSection } from './format';
import { restore } from './restore';

export type ImportProgress =
  | { phase: 'reading'; bytes: number; total: number }
  | { phase: 'checking'; total: number }
  | { phase: 'receiving'; conversations: number; total: number };

export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'conversations'; items: ConversationBundle[] }
  | { type: 'blobs'; items: [string, BlobData][] }
  | { type: 'done'; source: RestoreSource; fromVersion?: number; settings?: SettingsSection; conversations: number }
  | { type: 'error'; error: RestoreError };

export type Post = (message: WorkerMessage, transfer?: Transferable[]) => void;

/** Each message back carries about this much: receiving one is a short task on the page's thread. */
const MESSAGE_CHARS = 256 * 1024;
const PROGRESS_EVERY = 4 * 1024 * 1024;

function weight(b: ConversationBundle): number {
  let n = 200;
  for (const m of b.messages) {
    n += 200 + (m.reasoning?.length ?? 0);
    for (const p of m.content) if (p.type === 'text') n += p.text.length;
  }
  return n + (b.grid?.cells.reduce((sum, c) => sum + 200 + c.text.length, 0) ?? 0);
}

async function readText(file: Blob, post: Post): Promise<string> {
  const parts: string[] = [];
  const decoder = new TextDecoder();
  const reader = file.stream().getReader();
  let bytes = 0;
  let reported = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    parts.push(decoder.decode(value, { stream: true }));
    if (bytes - reported >= PROGRESS_EVERY) {
      reported = bytes;
      post({ type: 'progress', progress: { phase: 'reading', bytes, total: file.size } });
    }
  }
  parts.push(decoder.decode());
  post({ type: 'progress', progress: { phase: 'reading', bytes, total: file.size } });
  return parts.join('');
}

function fail(reason: string): WorkerMessage {
  return { type: 'error', error: { path: '', reason, message: reason } };
}

/** Reads, checks and sends back one import file; the last message is `done` or `error`. */
export async function importFile(file: Blob, post: Post): Promise<void> {
  let text: string;
  try {
    text = await readText(file, post);
  } catch (err) {
    // A file past the engine's longest string (about 512 MB of text) cannot be parsed at once.
    const tooLong = err instanceof RangeError;
    post(fail(tooLong ? 'The file is too large to read in this browser.' : `The file could not be read (${String(err)}).`));
    return;
  }
  post({ type: 'progress', progress: { phase: 'checking', total: file.size } });
  const result = restore(text);
  text = '';
  if (!result.ok) {
    post({ type: 'error', error: result.error });
    return;
  }
  const { conversations, blobs, source, fromVersion, settings } = result.value;
  let batch: ConversationBundle[] = [];
  let size = 0;
  let sent = 0;
  const send = () => {
    sent += batch.length;
    post({ type: 'conversations', items: batch });
    post({ type: 'progress', progress: { phase: 'receiving', conversations: sent, total: conversations.length } });
    batch = [];
    size = 0;
  };
  for (const bundle of conversations) {
    batch.push(bundle);
    size += weight(bundle);
    if (size >= MESSAGE_CHARS) send();
  }
  if (batch.length > 0) send();
  let blobBatch: [string, BlobData][] = [];
  let blobBytes = 0;
  const sendBlobs = () => {
    // The bytes move to the page without a copy.
    post(
      { type: 'blobs', items: blobBatch },
      blobBatch.map(([, b]) => b.bytes.buffer as ArrayBuffer),
    );
    blobBatch = [];
    blobBytes = 0;
  };
  for (const entry of blobs) {
    blobBatch.push(entry);
    blobBytes += entry[1].bytes.byteLength;
    if (blobBytes >= 32 * MESSAGE_CHARS) sendBlobs();
  }
  if (blobBatch.length > 0) sendBlobs();
  post({
    type: 'done',
    source,
    conversations: conversations.length,
    ...(fromVersion !== undefined ? { fromVersion } : {}),
    ...(settings ? { settings } : {}),
  });
}
