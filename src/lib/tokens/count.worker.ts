import { handleCount, loadCounter } from './count-core';
import type { CountRequest } from './count-core';

const WARM_TEXT = Array.from(
  { length: 40 },
  (_, i) => `Line ${i}: the quick brown fox jumps over the lazy dog; **markdown**, \`code()\`, 1,234.5 — ünïcödé.`,
).join('\n');

type Incoming = CountRequest | { id: -1; warm: CountRequest['encoding'] };

self.onmessage = (event: MessageEvent<Incoming>) => {
  const msg = event.data;
  if ('warm' in msg) {
    // Loading alone leaves the encoder cold; a first count compiles its hot paths before it matters.
    void loadCounter(msg.warm).then((count) => count(WARM_TEXT));
    return;
  }
  void handleCount(msg, () => performance.now()).then((res) => self.postMessage(res));
};
