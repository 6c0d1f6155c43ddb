/**
 * Reading a `text/event-stream` body. Framing (CR/LF/CRLF, comments, event/id/retry
 * fields) is eventsource-parser's job; decoding is a streaming TextDecoder, so a
 * multi-byte character split across network chunks is reassembled, and it drops a BOM.
 */
import { createParser } from 'eventsource-parser';

export interface ReadEventStreamOptions {
  /** Called after each network chunk has been fed to the parser (its events dispatched). */
  onChunk?: (byteLength: number) => void;
  /** Checked after each chunk: true cancels the body and returns (e.g. after `[DONE]`). */
  shouldStop?: () => boolean;
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
  const parser = createParser({ onEvent: (event) => onData(event.data, event.event) });
  // Cancelling the reader resolves a pending read() at once; fetch bodies may not notice the signal.
  const onAbort = (): void => {
    reader.cancel(signal ? abortReason(signal) : undefined).catch(() => {});
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal?.aborted) throw abortReason(signal);
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
      options.onChunk?.(value.byteLength);
      if (options.shouldStop?.()) {
        await reader.cancel().catch(() => {});
        return;
      }
    }
    // Flush the decoder, and dispatch a last event the server did not end with a blank line.
    parser.feed(`${decoder.decode()}\n\n`);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    reader.releaseLock();
  }
}
