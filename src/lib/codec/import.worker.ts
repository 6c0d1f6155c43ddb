// The import file is read, parsed and checked here, off the page's thread (see import-core.ts).
import { importFile } from './import-core';

self.onmessage = (event: MessageEvent<{ file: Blob }>) => {
  void importFile(event.data.file, (message, transfer) => self.postMessage(message, { transfer: transfer ?? [] }));
};
