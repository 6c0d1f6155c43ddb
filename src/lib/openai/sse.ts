/**
 * Reading a `text/event-stream` body. Framing (CR/LF/CRLF, comments, event/id/retry
 * fields) is eventsource-parser's job; decoding is a streaming TextDecoder, so a
 * multi-byte character split across network chunks is reassembled, and it drops a BOM.
 */
import { createParser } from 'eventsource-parser';

/**
 * The most text one event (or one unfinished line) may hold before reading stops. A real event is
 * a few KB (a whole image or audio clip in one delta is a few MB); a line that never ends would
 * otherwise grow in memory until the tab dies.
 */
export const MAX_EVENT_CHARS = 16 * 1024 * 1024;

/** The stream sent more than `limitChars` without ending a line or an event. */
export class EventTooLargeError extends Error {
  constructor(readonly limitChars: number) {
    super(`An event of the stream grew past ${limitChars} characters without ending`);
    this.name = 'EventTooLargeError';
  }
}

export interface ReadEventStreamOptions {
  /** Overrides MAX_EVENT_CHARS (tests). */
  maxEventChars?: number;
  /** Each piece of decoded text, before it is parsed (to tell what a body without events was). */
  onText?: (text: string) => void;
  /** Called after each network chunk has been fed to the parser (its events dispatched). */
  onChunk?: (byteLength: number) => void;
  /** Checked after each chunk: true cancels the body and returns (e.g. after `[DONE]`). */
  shouldStop?: () => boolean;
}

/** Longest stretch of parsing before the loop lets the page render and handle input. */
const SLICE_MS = 8;
const MAX_FEED_BYTES = 64 * 1024;

/**
 * Gives the event loop a turn. When the network has buffered a lot, `read()` resolves as a
 * microtask again and again, so without this a fast stream becomes one long frozen task.
 */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

export async function readEventStream(
  body: ReadableStream<Uint8Array>,
  onData: (data: string, event: string | undefined) => void,
  signal?: AbortSignal,
  options: ReadEventStreamOptions = {},
): Promise<void> {
  if (signal?.aborted) throw abortReason(signal);
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  const maxEventChars = options.maxEventChars ?? MAX_EVENT_CHARS;
  let overflow = false;
  const parser = createParser({
    onEvent: (event) => onData(event.data, event.event),
    // The parser counts its unfinished line plus the data of the event being assembled.
    maxBufferSize: maxEventChars,
    onError: (error) => {
      if (error.type === 'max-buffer-size-exceeded') overflow = true;
    },
  });
  // Cancelling the reader resolves a pending read() at once; fetch bodies may not notice the signal.
  const onAbort = (): void => {
    reader.cancel(signal ? abortReason(signal) : undefined).catch(() => {});
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let sliceStart = performance.now();
    for (;;) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        sliceStart = performance.now();
      }
      const { done, value } = await reader.read();
      if (signal?.aborted) throw abortReason(signal);
      if (done) break;
      // A large read is fed in slices, so parsing it can also be interleaved with rendering.
      for (let offset = 0; offset < value.byteLength; offset += MAX_FEED_BYTES) {
        if (offset > 0 && performance.now() - sliceStart > SLICE_MS) {
          await yieldToPage();
          sliceStart = performance.now();
          if (signal?.aborted) throw abortReason(signal);
        }
        const piece = value.byteLength <= MAX_FEED_BYTES ? value : value.subarray(offset, offset + MAX_FEED_BYTES);
        const text = decoder.decode(piece, { stream: true });
        options.onText?.(text);
        parser.feed(text);
        options.onChunk?.(piece.byteLength);
        if (overflow) {
          // What came before stays with the caller; the rest of the body is not read.
          await reader.cancel().catch(() => {});
          throw new EventTooLargeError(maxEventChars);
        }
        if (options.shouldStop?.()) {
          await reader.cancel().catch(() => {});
          return;
        }
      }
    }
    // Flush the decoder, and dispatch a last event the server did not end with a blank line.
    parser.feed(`${decoder.decode()}\n\n`);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    reader.releaseLock();
  }
}
