/**
 * The page's side of an import file: a worker reads, parses and checks it (import-core.ts) while
 * the page only receives the result in small messages and shows progress; Cancel ends the worker,
 * and nothing has been written by then. Without Worker support (tests in Node), the same code runs
 * here instead.
 */
import type { BlobData, ConversationBundle, RestoreResult } from './format';
import { importFile, type ImportProgress, type WorkerMessage } from './import-core';

/** What the client needs of a Worker (a fake one in tests). */
export interface ImportWorker {
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: { file: Blob }): void;
  terminate(): void;
}

export class ImportCancelled extends Error {
  constructor() {
    super('Import cancelled: nothing was written.');
    this.name = 'AbortError';
  }
}

export interface ReadOptions {
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  createWorker?: () => ImportWorker;
}

function defaultWorker(): ImportWorker {
  if (typeof Worker === 'undefined') return inPageWorker();
  return new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' }) as unknown as ImportWorker;
}

/** The worker's code run on this thread, behind the same messages (no Worker in this environment). */
export function inPageWorker(): ImportWorker {
  let stopped = false;
  const w: ImportWorker = {
    onmessage: null,
    onerror: null,
    postMessage: ({ file }) =>
      void importFile(file, (data) => {
        if (!stopped) w.onmessage?.({ data } as MessageEvent<WorkerMessage>);
      }),
    terminate: () => {
      stopped = true;
    },
  };
  return w;
}

/** Reads an import file into conversations ready to store, or the first problem found; rejects with ImportCancelled on abort. */
export function readImportFile(file: Blob, options: ReadOptions = {}): Promise<RestoreResult> {
  const { signal, onProgress } = options;
  if (signal?.aborted) return Promise.reject(new ImportCancelled());
  const worker = (options.createWorker ?? defaultWorker)();
  const conversations: ConversationBundle[] = [];
  const blobs = new Map<string, BlobData>();
  return new Promise<RestoreResult>((resolve, reject) => {
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', cancel);
    };
    const cancel = () => {
      finish();
      reject(new ImportCancelled());
    };
    signal?.addEventListener('abort', cancel);
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || 'The import worker failed.'));
    };
    worker.onmessage = ({ data }) => {
      if (data.type === 'progress') onProgress?.(data.progress);
      else if (data.type === 'conversations') conversations.push(...data.items);
      else if (data.type === 'blobs') for (const [id, b] of data.items) blobs.set(id, b);
      else if (data.type === 'error') {
        finish();
        resolve({ ok: false, error: data.error });
      } else {
        finish();
        const { source, fromVersion, settings } = data;
        resolve({
          ok: true,
          value: { source, conversations, blobs, ...(fromVersion !== undefined ? { fromVersion } : {}), ...(settings ? { settings } : {}) },
        });
      }
    };
    worker.postMessage({ file });
  });
}
