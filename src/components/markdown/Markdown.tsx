import { createContext, lazy, Suspense, useContext, useDeferredValue } from 'react';

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
 * True where markdown may first paint as plain text and be rendered in a background (interruptible)
 * render: rows that mount during a fast scroll, so no frame waits for a parse.
 */
export const DeferMarkdownContext = createContext(false);

export function Markdown({ text, streaming = false }: { text: string; streaming?: boolean }) {
  const defer = useContext(DeferMarkdownContext);
  const ready = useDeferredValue(true, !defer);
  const plain = <div className="md whitespace-pre-wrap">{text}</div>;
  if (!ready) return plain;
  return (
    <Suspense fallback={plain}>
      <MarkdownRenderer text={text} streaming={streaming} />
    </Suspense>
  );
}
