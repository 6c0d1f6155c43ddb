import { describe, expect, it } from 'vitest';
import { documentToJSON, encodeDocument } from './encode';
import { ImportCancelled, readImportFile, type ImportWorker } from './import-client';
import { importFile, type ImportProgress, type WorkerMessage } from './import-core';
import { richBundle } from './test-fixtures';

/**
 * A worker as the browser gives one: messages cross by structured clone (transferred buffers are
 * detached on the sending side), one task each, and terminate() stops any further message.
 */
function fakeWorker() {
  const log = { terminated: false, received: [] as WorkerMessage['type'][], transferred: 0 };
  const worker: ImportWorker = {
    onmessage: null,
    onerror: null,
    postMessage: ({ file }) =>
      void importFile(file, (message, transfer = []) => {
        log.transferred += transfer.length;
        const data = structuredClone(message, { transfer });
        setTimeout(() => {
          if (log.terminated) return;
          log.received.push(data.type);
          worker.onmessage?.({ data } as MessageEvent<WorkerMessage>);
        }, 0);
      }),
    terminate: () => {
      log.terminated = true;
    },
  };
  return { worker, log };
}

function library(n: number, textLength: number) {
  const all = Array.from({ length: n }, (_, i) => richBundle(`c-${i}`));
  for (const { bundle } of all) bundle.messages[0]!.content = [{ type: 'text', text: 'y'.repeat(textLength) }];
  const blobs = new Map(all.flatMap(({ blobs }) => [...blobs]));
  return {
    bundles: all.map((a) => a.bundle),
    blobs,
    text: documentToJSON(
      encodeDocument(
        all.map((a) => a.bundle),
        blobs,
      ),
    ),
  };
}

describe('reading an import file in a worker', () => {
  it('sends the result back in small messages, with progress, and rebuilds it exactly', async () => {
    const { bundles, blobs, text } = library(12, 300_000);
    const { worker, log } = fakeWorker();
    const progress: ImportProgress['phase'][] = [];
    const result = await readImportFile(new Blob([text]), { createWorker: () => worker, onProgress: (p) => progress.push(p.phase) });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.conversations.map((b) => b.messages)).toEqual(bundles.map((b) => b.messages));
    expect(result.value.blobs).toEqual(blobs);
    // More than one batch of conversations: no single message carries the whole file.
    expect(log.received.filter((t) => t === 'conversations').length).toBeGreaterThan(1);
    expect(log.transferred).toBe(blobs.size);
    expect(progress[0]).toBe('reading');
    expect(progress).toContain('checking');
    expect(progress.at(-1)).toBe('receiving');
    expect(log.terminated).toBe(true);
  });

  it('Cancel ends the worker and rejects; nothing arrives afterwards', async () => {
    const { text } = library(4, 100_000);
    const { worker, log } = fakeWorker();
    const controller = new AbortController();
    const pending = readImportFile(new Blob([text]), {
      createWorker: () => worker,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(pending).rejects.toBeInstanceOf(ImportCancelled);
    expect(log.terminated).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(log.received).not.toContain('done');
  });

  it('a damaged file comes back as the first problem, with its path', async () => {
    const { text } = library(1, 10);
    const damaged = text.replace('"role": "user"', '"role": "boss"');
    const { worker } = fakeWorker();
    const result = await readImportFile(new Blob([damaged]), { createWorker: () => worker });
    expect(result.ok ? null : result.error.path).toMatch(/^conversations\[0\]\.messages\[\d+\]\.role$/);
  });
});
