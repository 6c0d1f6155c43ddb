/**
 * Markdown to a static HTML tree for the exported page, by the app's own markdown code (passed in
 * as `MarkdownTools` by the share feature: the app's parser, block splitter, complexity limits and
 * highlighter), then turned into what a page with no script can do: links by the app's rules that
 * open with no opener or referrer, remote images as links naming their host, code highlighted
 * ahead of time. A math plugin added to the app's parser reaches the page through the same tools.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { ComplexityReason } from '../../../domain/markdown-limits';
import { hasInvisible, hostToShow, linkVerdict, mediaVerdict, revealInvisible } from '../../../domain/link-safety';
import { el, text, textOf } from './hast';

/** The app's markdown machinery, as the page needs it. */
export interface MarkdownTools {
  /** The syntax tree of a markdown document (raw HTML already turned into text, URLs made safe); never mutated here. */
  tree: (markdown: string) => Root;
  splitBlocks: (markdown: string) => string[];
  tooComplex: (block: string) => ComplexityReason | null;
  /** Highlighted code, or null when the language is unknown and guessing would be slow. */
  highlight: (code: string, lang: string) => Root | null;
}

/** As in the app: a block larger than this is shown as plain text (parsing it would take seconds). */
const BLOCK_PARSE_LIMIT = 256 * 1024;

const WHY_PLAIN: Record<ComplexityReason, string> = {
  nesting: 'nested too deeply',
  links: 'too many brackets',
  delimiters: 'too many emphasis or code markers',
};

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
export function markdownToHast(markdown: string, prefix: string, tools: MarkdownTools): ElementContent[] {
  if (markdown.length > MESSAGE_FORMAT_LIMIT)
    return [plainBlock(markdown, `too long to format (${markdown.length.toLocaleString('en')} characters)`)];
  const out: ElementContent[] = [];
  let run = '';
  const flush = () => {
    if (run === '') return;
    out.push(...staticCopy(tools.tree(run).children as ElementContent[], `${prefix}r${out.length}-`, tools));
    run = '';
  };
  for (const block of tools.splitBlocks(markdown)) {
    const tooComplex = block.length > BLOCK_PARSE_LIMIT ? 'size' : tools.tooComplex(block);
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

/**
 * A copy of the tree (the parser's trees are cached and shared with the app: never changed) with
 * every link, image and code block in its static, safe form, and ids and in-page links prefixed so
 * they stay unique and point within their own message.
 */
function staticCopy(nodes: ElementContent[], prefix: string, tools: MarkdownTools): ElementContent[] {
  return nodes.flatMap((node): ElementContent[] => {
    if (node.type === 'text') return [text(node.value)];
    if (node.type !== 'element') return [];
    // A formula is shown by its MathML, which browsers typeset with their own math fonts; KaTeX's
    // HTML rendering needs its web fonts, which a page that loads nothing cannot have.
    if (Array.isArray(node.properties.className) && node.properties.className.includes('katex-html')) return [];
    const properties = { ...node.properties };
    if (typeof properties.id === 'string') properties.id = prefix + properties.id;
    if (typeof properties.href === 'string' && properties.href.startsWith('#')) properties.href = `#${prefix}${properties.href.slice(1)}`;
    const copy = { ...node, properties, children: staticCopy(node.children, prefix, tools) };
    if (node.tagName === 'a') return link(copy, node);
    if (node.tagName === 'img') return [image(String(node.properties.src ?? ''), String(node.properties.alt ?? ''))];
    if (node.tagName === 'pre') {
      const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
      if (code) {
        const classes = (code.properties.className as string[] | undefined) ?? [];
        const lang = classes.map((c) => /^language-([\w+#.-]+)$/.exec(String(c))?.[1]).find(Boolean) ?? '';
        return [codeBlock(textOf(code).replace(/\n$/, ''), lang, tools)];
      }
    }
    return [copy];
  });
}

/** A fenced code block with its language named above it, highlighted by the app's highlighter. */
export function codeBlock(code: string, lang: string, tools: Pick<MarkdownTools, 'highlight'>): Element {
  const tokens = tools.highlight(code, lang);
  return el('div', { className: ['code-block'] }, [
    el('div', { className: ['code-head'] }, [text(lang || 'text')]),
    el('pre', {}, [
      el(
        'code',
        { className: ['hljs', ...(lang ? [`language-${lang}`] : [])] },
        tokens ? (tokens.children as ElementContent[]) : [text(code)],
      ),
    ]),
  ]);
}

/** A link of the message, by the app's rules (`SafeLink`). */
function link(node: Element, original: Element): ElementContent[] {
  const label = textOf(original);
  const shown = hasInvisible(label) ? [text(revealInvisible(label))] : node.children;
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
