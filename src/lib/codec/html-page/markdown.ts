/**
 * Markdown to a static HTML tree for the exported page, the way the app shows it: the same parser
 * and plugins as `components/markdown/MarkdownRenderer` (GFM; raw HTML shown as the text it is),
 * the same per-block split and complexity limits, and the same link and image rules — turned into
 * what a page with no script can do (links open with no opener or referrer, remote images are
 * links naming their host, code is highlighted ahead of time).
 */
import type { Element, ElementContent, Root } from 'hast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { splitMarkdownBlocks } from '../../../domain/markdown-blocks';
import { markdownTooComplex, type ComplexityReason } from '../../../domain/markdown-limits';
import { hasInvisible, hostToShow, linkVerdict, mediaVerdict, revealInvisible } from '../../../domain/link-safety';
import { codeBlock } from './highlight';
import { el, text, textOf } from './hast';

/**
 * The one place for markdown plugins of the export: a math plugin (remark-math, rehype-katex) goes
 * here, as in the app's renderer, and its stylesheet is added by `page.ts` when a tree has math.
 */
const REMARK_PLUGINS: PluggableList = [remarkGfm];
const REHYPE_PLUGINS: PluggableList = [];

/** As in the app: a block larger than this is shown as plain text (parsing it would take seconds). */
const BLOCK_PARSE_LIMIT = 256 * 1024;

const WHY_PLAIN: Record<ComplexityReason, string> = {
  nesting: 'nested too deeply',
  links: 'too many brackets',
  delimiters: 'too many emphasis or code markers',
};

function processor(prefix: string) {
  return unified()
    .use(remarkParse)
    .use(REMARK_PLUGINS)
    .use(remarkRehype, {
      // Raw HTML in a message is text, never markup (the app's remarkHtmlAsText).
      handlers: { html: (_state, node: { value: string }) => text(node.value) },
      // Footnote ids stay unique across the messages of one page.
      clobberPrefix: prefix,
    })
    .use(REHYPE_PLUGINS);
}

/** A message longer than this is shown as plain text: formatting megabytes would hold the export for tens of seconds. */
const MESSAGE_FORMAT_LIMIT = 1_000_000;

function plainBlock(source: string, why: string): ElementContent {
  return el('div', { className: ['plain'] }, [
    el('p', { className: ['note'] }, [text(`Shown as plain text: ${why}.`)]),
    el('p', {}, [text(source)]),
  ]);
}

/**
 * The rendered markdown of one message, as the children of its content element. Blocks the app
 * shows as plain text (too large, too complex) are plain here too; the runs of blocks between them
 * are each parsed as one document, so link definitions and footnotes resolve across blocks.
 */
export function markdownToHast(markdown: string, prefix: string): ElementContent[] {
  if (markdown.length > MESSAGE_FORMAT_LIMIT)
    return [plainBlock(markdown, `too long to format (${markdown.length.toLocaleString('en')} characters)`)];
  const out: ElementContent[] = [];
  let run = '';
  const flush = () => {
    if (run === '') return;
    const p = processor(`${prefix}r${out.length}-`);
    out.push(...(makeStatic(p.runSync(p.parse(run)) as Root).children as ElementContent[]));
    run = '';
  };
  for (const block of splitMarkdownBlocks(markdown)) {
    const tooComplex = block.length > BLOCK_PARSE_LIMIT ? 'size' : markdownTooComplex(block);
    if (tooComplex === null) {
      run += block;
      continue;
    }
    flush();
    out.push(plainBlock(block, tooComplex === 'size' ? 'too large to format' : `${WHY_PLAIN[tooComplex]} to format`));
  }
  flush();
  return out;
}

/** The tree with every link, image and code block replaced by its static, safe form. */
function makeStatic(root: Root): Root {
  const walk = (nodes: ElementContent[]): ElementContent[] => nodes.flatMap((n) => (n.type === 'element' ? replace(n, walk) : [n]));
  root.children = walk(root.children as ElementContent[]);
  return root;
}

function replace(node: Element, walk: (nodes: ElementContent[]) => ElementContent[]): ElementContent[] {
  if (node.tagName === 'a') return link(node, walk(node.children));
  if (node.tagName === 'img') return [image(String(node.properties.src ?? ''), String(node.properties.alt ?? ''))];
  if (node.tagName === 'pre') {
    const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
    if (code) {
      const classes = (code.properties.className as string[] | undefined) ?? [];
      const lang = classes.map((c) => /^language-([\w+#.-]+)$/.exec(String(c))?.[1]).find(Boolean) ?? '';
      return [codeBlock(textOf(code).replace(/\n$/, ''), lang)];
    }
  }
  node.children = walk(node.children);
  return [node];
}

/** A link of the message, by the app's rules (`SafeLink`). */
function link(node: Element, children: ElementContent[]): ElementContent[] {
  const label = textOf(node);
  const shown = hasInvisible(label) ? [text(revealInvisible(label))] : children;
  const verdict = linkVerdict(node.properties.href as string | undefined);
  if (!verdict.clickable) return [el('span', { className: ['blocked-link'], title: verdict.reason }, shown)];
  const inPage = verdict.href.startsWith('#');
  const a = el(
    'a',
    inPage
      ? { href: verdict.href, ...(node.properties.id ? { id: String(node.properties.id) } : {}) }
      : {
          href: verdict.href,
          target: '_blank',
          rel: ['noopener', 'noreferrer', 'nofollow'],
          title: revealInvisible(safeDecode(verdict.href)),
        },
    shown,
  );
  const host = inPage ? null : hostToShow(label, verdict.href);
  return host ? [a, el('span', { className: ['real-host'], title: 'Where this link really goes' }, [text(`→ ${host}`)])] : [a];
}

/** An image: inline bytes are shown; a remote one is never loaded, only linked with its host; anything else is named. */
export function image(src: string, alt: string): ElementContent {
  const verdict = mediaVerdict(src, 'image');
  if (verdict.kind === 'inline') return el('img', { src: src.trim(), alt });
  const name = alt ? `“${alt}”` : 'untitled';
  if (verdict.kind === 'refused') return el('span', { className: ['note'] }, [text(`[image: ${name}]`)]);
  return el('a', { className: ['remote-image'], href: src.trim(), target: '_blank', rel: ['noopener', 'noreferrer', 'nofollow'] }, [
    text(`Image ${name} from ${verdict.host} (not loaded)`),
  ]);
}

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}
