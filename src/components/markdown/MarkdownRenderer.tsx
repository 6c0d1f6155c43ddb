import { memo, startTransition, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Components } from 'react-markdown';
import { MarkdownBlockSplitter, openFence, sliceEnd } from '../../domain/markdown-blocks';
import { blockContext, ReplyDefinitionIndex } from '../../domain/markdown-document';
import { markdownTooComplex, type ComplexityReason } from '../../domain/markdown-limits';
import { normalizeMath } from '../../domain/markdown-math';
import { CodeBlock } from './CodeBlock';
import { BlockIndexContext, FootnoteCall, Footnotes, FootnoteScopeContext, type FootnoteScope } from './footnotes';
import { markdownTree, renderTree } from './pipeline';
import { RemoteImage } from './RemoteImage';
import { SafeLink } from './SafeLink';
import { useMathPlugins } from './use-math';

interface TextTree {
  type: string;
  value?: unknown;
  children?: readonly TextTree[];
}

/** The text of a syntax-tree node, as the person reads it. */
function plainText(node: TextTree | undefined): string {
  if (!node) return '';
  if (node.type === 'text' && typeof node.value === 'string') return node.value;
  return (node.children ?? []).map(plainText).join('');
}

const GROUP = 24;

/** Idle time of the main thread (a short timer where the browser has no requestIdleCallback). */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    // At most 300 ms late: a busy page (a fast stream, long fan-outs) still gets its formatting.
    const id = requestIdleCallback(task, { timeout: 300 });
    return () => cancelIdleCallback(id);
  }
  const timer = setTimeout(task, 16);
  return () => clearTimeout(timer);
}

/** Characters of finished blocks formatted per background render once the reply has ended. */
const AFTER_END_CHARS = 12_000;

/**
 * The number of finished blocks rendered as markdown. While the reply streams it grows one slice
 * per idle period, so the parse never competes with arriving text: a fast stream shows its
 * finished blocks as plain text first, a slow one is formatted as it goes. Once the reply has
 * ended, the rest is formatted at once in background (transition) renders of about
 * AFTER_END_CHARS each: React renders them block by block, yielding to the browser every few
 * milliseconds (no long task, typing and scrolling stay first), and each commit stays small.
 */
function useRenderedCount(done: string[], streaming: boolean): number {
  const [count, setCount] = useState(() => sliceEnd(done, 0));
  const pending = count < done.length;
  useEffect(() => {
    if (!pending) return;
    if (streaming) return whenIdle(() => setCount((c) => sliceEnd(done, c)));
    let end = count;
    for (let chars = 0; end < done.length && (end === count || chars + done[end]!.length <= AFTER_END_CHARS); end++)
      chars += done[end]!.length;
    startTransition(() => setCount((c) => Math.max(c, end)));
  }, [pending, count, done, streaming]);
  return Math.min(count, done.length);
}

function componentsFor(live: boolean): Components {
  return {
    a: ({ href, children, node }) =>
      node?.properties.dataFootnoteRef ? (
        <FootnoteCall href={href}>{children}</FootnoteCall>
      ) : (
        <SafeLink href={href} text={plainText(node)}>
          {children}
        </SafeLink>
      ),
    // Each block's own footnote list is dropped: the reply's notes are rendered once, at its end.
    section: ({ node, children }) => (node?.properties.dataFootnotes ? null : <section>{children}</section>),
    img: ({ src, alt }) => <RemoteImage src={typeof src === 'string' ? src : ''} alt={alt ?? ''} />,
    pre: ({ children }) => <>{children}</>,
    code: ({ className, children }) => {
      const text = String(children ?? '');
      const lang = /language-([\w+#.-]+)/.exec(className ?? '')?.[1];
      // Block code has a language class or ends with a newline; everything else is inline.
      if (lang === undefined && !text.includes('\n')) return <code>{children}</code>;
      return <CodeBlock code={text.replace(/\n$/, '')} lang={lang ?? ''} live={live} />;
    },
  };
}

const FINISHED = componentsFor(false);
const GROWING = componentsFor(true);

/** A single block this large (a runaway line, a pasted dump) is shown as plain text: parsing it would freeze the page for seconds. */
const BLOCK_PARSE_LIMIT = 256 * 1024;

const WHY_PLAIN: Record<ComplexityReason, string> = {
  nesting: 'nested too deeply',
  links: 'too many brackets',
  delimiters: 'too many emphasis or code markers',
};

/** A block the parser would choke on (seconds of work, or a stack overflow), shown as it is, with the reason. */
function PlainBlock({ text, reason }: { text: string; reason: ComplexityReason }) {
  return (
    <div data-testid="markdown-plain-block" data-reason={reason} className="my-2">
      <p className="mb-1 text-[11px] text-faint">Shown as plain text: {WHY_PLAIN[reason]} to format.</p>
      <p className="whitespace-pre-wrap break-words">{text}</p>
    </div>
  );
}

interface BlockProps {
  text: string;
  live: boolean;
  /** Definitions from elsewhere in the reply that this block uses (`blockContext`), appended before parsing. */
  context?: string;
  /** The block's place in the reply (footnote calls need it); -1 for markdown outside the reply's blocks. */
  index?: number;
}

const Block = memo(function Block({ text, live, context = '', index = -1 }: BlockProps) {
  if (text.length > BLOCK_PARSE_LIMIT) return <p className="whitespace-pre-wrap break-words">{text}</p>;
  // One linear scan, before any parse: the parser's cost is decided by what this counts.
  const tooComplex = markdownTooComplex(text);
  if (tooComplex) return <PlainBlock text={text} reason={tooComplex} />;
  return <ParsedBlock text={text} live={live} context={context} index={index} />;
});

function ParsedBlock({ text, live, context, index }: Required<BlockProps>) {
  const math = useMemo(() => normalizeMath(text), [text]);
  const plugins = useMathPlugins(math.formulas > 0);
  // Until KaTeX is loaded (or with no formula) the block is parsed as it is: formulas show as source.
  const source = (plugins ? math.text : text) + context;
  // A growing block changes every frame: its tree is not worth keeping.
  const tree = markdownTree(source, !live, plugins);
  return <BlockIndexContext.Provider value={index}>{renderTree(tree, live ? GROWING : FINISHED)}</BlockIndexContext.Provider>;
}

/** Past this, a still-growing block is shown as plain text: re-parsing it per frame would be quadratic. */
const LIVE_PARSE_LIMIT = 64 * 1024;

/** The growing tail: re-parsed per frame, except an open code fence or a huge block, which need no parse at all. */
function Tail({ text, streaming, context, index }: { text: string; streaming: boolean; context: string; index: number }) {
  const fence = streaming ? openFence(text) : null;
  if (fence) return <CodeBlock code={fence[1]} lang={fence[0]} live />;
  if (streaming && text.length > LIVE_PARSE_LIMIT) return <p className="whitespace-pre-wrap">{text}</p>;
  return <Block text={text} live={streaming} context={context} index={index} />;
}

/** A run of finished blocks: re-rendered only when one of its blocks changes (never, while streaming). */
const BlockGroup = memo(
  function BlockGroup({ blocks, contexts, first }: { blocks: string[]; contexts: string[]; first: number }) {
    // Off-screen groups skip layout and paint entirely; long answers stay cheap to extend.
    return (
      <div className="md-group">
        {blocks.map((b, i) => (
          <Block key={i} text={b} live={false} context={contexts[i]} index={first + i} />
        ))}
      </div>
    );
  },
  (a, b) =>
    a.first === b.first &&
    a.blocks.length === b.blocks.length &&
    a.blocks.every((x, i) => x === b.blocks[i] && a.contexts[i] === b.contexts[i]),
);

/**
 * Markdown that stays fast while streaming: the text is split into blocks incrementally;
 * finished blocks are parsed once and memoized in groups, only the growing tail is re-parsed.
 * Raw HTML is shown as text, never rendered.
 */
export default function MarkdownRenderer({ text, streaming = false }: { text: string; streaming?: boolean }) {
  const splitter = useRef<MarkdownBlockSplitter | null>(null);
  splitter.current ??= new MarkdownBlockSplitter();
  const { done, tail } = useMemo(() => splitter.current!.update(text), [text]);
  const index = useRef<ReplyDefinitionIndex | null>(null);
  index.current ??= new ReplyDefinitionIndex();
  // Definitions (`[ref]: url`, `[^id]: note`) of the whole reply: one scan per new block, plus the tail.
  const definitions = useMemo(() => index.current!.update(done, tail, streaming), [done, tail, streaming]);
  // Rebuilt only when a block is added or a definition changes; each block's string is its memo key.
  const contexts = useMemo(
    () => done.map((_, i) => index.current!.contextFor(i)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `definitions.version` stands for the definitions
    [done, definitions.version],
  );
  const tailContext = index.current.contextFor(done.length);
  const prefix = `md${useId().replace(/[^\w-]/g, '')}-`;
  const scope = useMemo<FootnoteScope>(() => ({ prefix, definitions }), [prefix, definitions]);
  const rendered = useRenderedCount(done, streaming);
  const groups: number[] = [];
  for (let i = 0; i < rendered; i += GROUP) groups.push(i);
  // Finished blocks not yet rendered as markdown: plain text, one element each, so a frame lays
  // out only the blocks that are new rather than one ever-growing paragraph.
  const plain = done.slice(rendered);
  const end = (from: number) => Math.min(from + GROUP, rendered);
  return (
    <FootnoteScopeContext.Provider value={scope}>
      <div className="md">
        {groups.map((from) => (
          <BlockGroup key={from} blocks={done.slice(from, end(from))} contexts={contexts.slice(from, end(from))} first={from} />
        ))}
        {plain.map((b, i) => (
          <p key={rendered + i} className="whitespace-pre-wrap" data-md-pending="">
            {b}
          </p>
        ))}
        {tail !== '' ? <Tail text={tail} streaming={streaming} context={tailContext} index={done.length} /> : null}
        <Footnotes scope={scope} render={(note) => <Block text={note} live={streaming} context={blockContext(note, definitions)} />} />
      </div>
    </FootnoteScopeContext.Provider>
  );
}
