import { lazy, Suspense } from 'react';

const load = () => import('./MarkdownRenderer');
const MarkdownRenderer = lazy(load);

/**
 * The markdown pipeline (micromark, GFM, mdast/hast) is about a third of the app's JavaScript,
 * so it is loaded after the shell, on idle; until then text shows as plain, wrapped text.
 */
export function preloadMarkdown(): void {
  void load();
}

export function Markdown({ text, streaming = false }: { text: string; streaming?: boolean }) {
  return (
    <Suspense fallback={<div className="md whitespace-pre-wrap">{text}</div>}>
      <MarkdownRenderer text={text} streaming={streaming} />
    </Suspense>
  );
}
