import { handleCount, loadCounter } from './count-core';
import type { CountRequest } from './count-core';

type Incoming = CountRequest | { id: -1; warm: CountRequest['encoding'] };

self.onmessage = (event: MessageEvent<Incoming>) => {
  const msg = event.data;
  if ('warm' in msg) {
    void loadCounter(msg.warm);
    return;
  }
  void handleCount(msg, () => performance.now()).then((res) => self.postMessage(res));
};
