import { createContext, lazy, Suspense, useContext, useDeferredValue, useState } from 'react';

const load = () => import('./MarkdownRenderer');
const MarkdownRenderer = lazy(load);

/**
 * The markdown pipeline (micromark, GFM, mdast/hast) is about a third of the app's JavaScript,
 * so it is loaded after the shell, on idle; until then text shows as plain, wrapped text.
 */
export function preloadMarkdown(): void {
  void load();
}

/**
 * When markdown is rendered: `now` (with the text), `background` (plain text first, markdown in a
 * background, interruptible render: no frame waits for a parse), or `later` (plain text until the
 * timing changes, then as `background`: rows that pass by during a fast scroll are never parsed).
 */
export type MarkdownTiming = 'now' | 'background' | 'later';
export const MarkdownTimingContext = createContext<MarkdownTiming>('now');

export function Markdown({ text, streaming = false }: { text: string; streaming?: boolean }) {
  const timing = useContext(MarkdownTimingContext);
  const [released, setReleased] = useState(timing !== 'later');
  if (timing !== 'later' && !released) setReleased(true);
  // An initial value makes React render twice: only `background` wants that (plain text first).
  const ready = useDeferredValue(released, timing === 'background' ? false : undefined);
  // `data-md-pending`: not formatted yet (the bench's "fully formatted" waits for none to be left).
  const plain = (
    <div className="md whitespace-pre-wrap" data-md-pending="">
      {text}
    </div>
  );
  if (!ready) return plain;
  return (
    <Suspense fallback={plain}>
      <MarkdownRenderer text={text} streaming={streaming} />
    </Suspense>
  );
}
