import { memo, startTransition, useEffect, useMemo, useRef, useState } from 'react';
import type { Components } from 'react-markdown';
import { MarkdownBlockSplitter, openFence, sliceEnd } from '../../domain/markdown-blocks';
import { markdownTooComplex, type ComplexityReason } from '../../domain/markdown-limits';
import { CodeBlock } from './CodeBlock';
import { markdownTree, renderTree } from './pipeline';
import { RemoteImage } from './RemoteImage';
import { SafeLink } from './SafeLink';

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
    a: ({ href, children, node }) => (
      <SafeLink href={href} text={plainText(node)}>
        {children}
      </SafeLink>
    ),
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

const Block = memo(function Block({ text, live }: { text: string; live: boolean }) {
  if (text.length > BLOCK_PARSE_LIMIT) return <p className="whitespace-pre-wrap break-words">{text}</p>;
  // One linear scan, before any parse: the parser's cost is decided by what this counts.
  const tooComplex = markdownTooComplex(text);
  if (tooComplex) return <PlainBlock text={text} reason={tooComplex} />;
  // A growing block changes every frame: its tree is not worth keeping.
  return renderTree(markdownTree(text, !live), live ? GROWING : FINISHED);
});

/** Past this, a still-growing block is shown as plain text: re-parsing it per frame would be quadratic. */
const LIVE_PARSE_LIMIT = 64 * 1024;

/** The growing tail: re-parsed per frame, except an open code fence or a huge block, which need no parse at all. */
function Tail({ text, streaming }: { text: string; streaming: boolean }) {
  const fence = streaming ? openFence(text) : null;
  if (fence) return <CodeBlock code={fence[1]} lang={fence[0]} live />;
  if (streaming && text.length > LIVE_PARSE_LIMIT) return <p className="whitespace-pre-wrap">{text}</p>;
  return <Block text={text} live={streaming} />;
}

/** A run of finished blocks: re-rendered only when one of its blocks changes (never, while streaming). */
const BlockGroup = memo(
  function BlockGroup({ blocks }: { blocks: string[] }) {
    // Off-screen groups skip layout and paint entirely; long answers stay cheap to extend.
    return (
      <div className="md-group">
        {blocks.map((b, i) => (
          <Block key={i} text={b} live={false} />
        ))}
      </div>
    );
  },
  (a, b) => a.blocks.length === b.blocks.length && a.blocks.every((x, i) => x === b.blocks[i]),
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
  const rendered = useRenderedCount(done, streaming);
  const groups: string[][] = [];
  for (let i = 0; i < rendered; i += GROUP) groups.push(done.slice(i, Math.min(i + GROUP, rendered)));
  // Finished blocks not yet rendered as markdown: plain text, one element each, so a frame lays
  // out only the blocks that are new rather than one ever-growing paragraph.
  const plain = done.slice(rendered);
  return (
    <div className="md">
      {groups.map((g, i) => (
        <BlockGroup key={i} blocks={g} />
      ))}
      {plain.map((b, i) => (
        <p key={rendered + i} className="whitespace-pre-wrap" data-md-pending="">
          {b}
        </p>
      ))}
      {tail !== '' ? <Tail text={tail} streaming={streaming} /> : null}
    </div>
  );
}
