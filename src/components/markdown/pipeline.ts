import type { Root } from 'hast';
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime';
import { urlAttributes } from 'html-url-attributes';
import type { ReactElement } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { defaultUrlTransform } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
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

/** Parsed blocks by their text, most recently used last; bounded by total characters. */
const cache = new Map<string, Root>();
let cachedChars = 0;
const CACHE_CHARS = 4 * 1024 * 1024;

function parse(text: string): Root {
  const tree = processor.runSync(processor.parse(text)) as Root;
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

/** The syntax tree of a markdown block; `keep: false` for text that is still growing (a streaming tail). */
export function markdownTree(text: string, keep = true): Root {
  const hit = cache.get(text);
  if (hit) {
    cache.delete(text);
    cache.set(text, hit);
    return hit;
  }
  const tree = parse(text);
  if (!keep) return tree;
  cache.set(text, tree);
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
