import type { Root } from 'hast';

type Highlighter = (code: string, lang: string) => Root | null;

let loading: Promise<Highlighter> | null = null;
const cache = new Map<string, Root | null>();

/** The highlighter (lowlight, ~35 common grammars) is loaded on first use, off the initial bundle. */
export function loadHighlighter(): Promise<Highlighter> {
  loading ??= import('lowlight').then(({ common, createLowlight }) => {
    const lowlight = createLowlight(common);
    return (code: string, lang: string) => {
      const key = `${lang}\u0000${code}`;
      if (cache.has(key)) return cache.get(key)!;
      let tree: Root | null = null;
      try {
        if (lang && lowlight.registered(lang)) tree = lowlight.highlight(lang, code);
        else if (code.length < 20_000) tree = lowlight.highlightAuto(code);
      } catch {
        tree = null;
      }
      if (cache.size > 500) cache.clear();
      cache.set(key, tree);
      return tree;
    };
  });
  return loading;
}
