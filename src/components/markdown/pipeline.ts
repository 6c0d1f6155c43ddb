import type { Root } from 'hast';
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime';
import { urlAttributes } from 'html-url-attributes';
import type { ReactElement } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { defaultUrlTransform } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { visit } from 'unist-util-visit';
import { remarkHtmlAsText } from './remark-html-as-text';

/**
 * The markdown pipeline of react-markdown (parse → GFM → raw HTML as text → hast, URLs made safe
 * with its `defaultUrlTransform`), split in two so the expensive half can be kept: a block's tree
 * is parsed once and cached by its text, and turning it into React elements (cheap) is all a
 * re-render costs. react-markdown builds a new processor and parses again on every render, so a
 * block rendered again (another group re-rendered, an interrupted background render restarted,
 * the same text in another view) paid the whole parse each time.
 */
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkHtmlAsText).use(remarkRehype, { allowDangerousHtml: true }).freeze();

/** Plugins added for a block with math (remark-math, rehype-katex), from the lazy math chunk. */
export interface MathPlugins {
  remark: PluggableList;
  rehype: PluggableList;
}

/** The same pipeline with math, built once when the math chunk has loaded. */
let mathProcessor: { plugins: MathPlugins; processor: typeof processor } | null = null;

function processorFor(math: MathPlugins | null): typeof processor {
  if (!math) return processor;
  if (mathProcessor?.plugins !== math) {
    const built = unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkHtmlAsText)
      .use(math.remark)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(math.rehype)
      .freeze() as unknown as typeof processor;
    mathProcessor = { plugins: math, processor: built };
  }
  return mathProcessor.processor;
}

/** Parsed blocks by their text, most recently used last; bounded by total characters. */
const cache = new Map<string, Root>();
let cachedChars = 0;
const CACHE_CHARS = 4 * 1024 * 1024;

function parse(text: string, math: MathPlugins | null): Root {
  const pipeline = processorFor(math);
  const tree = pipeline.runSync(pipeline.parse(text)) as Root;
  // As react-markdown's `post`: every URL attribute goes through its safe-URL rule.
  visit(tree, 'element', (node) => {
    for (const [key, tags] of Object.entries(urlAttributes)) {
      if (Object.hasOwn(node.properties, key) && (tags === null || tags.includes(node.tagName))) {
        node.properties[key] = defaultUrlTransform(String(node.properties[key] ?? ''));
      }
    }
  });
  return tree;
}

/**
 * The syntax tree of a markdown block; `keep: false` for text that is still growing (a streaming
 * tail). With `math`, formulas are typeset (the text was normalized: domain/markdown-math.ts).
 */
export function markdownTree(text: string, keep = true, math: MathPlugins | null = null): Root {
  // A block parsed with math is cached apart from the same text without (KaTeX not loaded yet).
  const key = math ? `\u0000math\u0000${text}` : text;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const tree = parse(text, math);
  if (!keep) return tree;
  cache.set(key, tree);
  cachedChars += text.length;
  for (const [key] of cache) {
    if (cachedChars <= CACHE_CHARS) break;
    cache.delete(key);
    cachedChars -= key.length;
  }
  return tree;
}

/** React elements for a tree, with the app's components for links, images and code. */
export function renderTree(tree: Root, components: Partial<Components>): ReactElement {
  return toJsxRuntime(tree, { Fragment, jsx, jsxs, components, ignoreInvalidStyle: true, passKeys: true, passNode: true }) as ReactElement;
}

/** Whether a block's tree is cached already (its formatting costs no parse). */
export function isParsed(text: string): boolean {
  return cache.has(text);
}
