import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { BUCKET_LABELS, probabilityBucket } from '../../domain/choices';
import { groupTokens } from '../../domain/token-groups';
import type { TokenLogprob } from '../../domain/types';
import { TokenDetails, percent, quoted } from './TokenDetails';

// One tint per bucket, from the design tokens: confident tokens stay plain, unlikely ones glow.
const TINT = ['', 'bg-accent-soft', 'bg-warn-soft', 'bg-warn/25', 'bg-danger/25'] as const;

/** Whitespace made visible, so a token that is only a space or a newline can still be pointed at. */
const shown = (text: string) => text.replace(/\n/g, '↵\n').replace(/ /g, '·');

/** Width of the alternatives popup, in px: kept inside the view at its right edge. */
const POPUP_WIDTH = 264;

interface OpenToken {
  index: number;
  left: number;
  top: number;
}

const NEXT: Record<string, (i: number, last: number) => number> = {
  ArrowRight: (i, last) => Math.min(last, i + 1),
  ArrowDown: (i, last) => Math.min(last, i + 1),
  ArrowLeft: (i) => Math.max(0, i - 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  Home: () => 0,
  End: (_i, last) => last,
};

/**
 * A reply as its tokens, tinted by probability. Tokens that only decode together (an emoji or a
 * CJK character cut across tokens) show as one unit with their joint probability. Hover a token,
 * or focus it (one tab stop; the arrow keys move between tokens), for its alternatives.
 */
export function TokenView({ tokens }: { tokens: readonly TokenLogprob[] }) {
  const groups = useMemo(() => groupTokens(tokens), [tokens]);
  const [open, setOpen] = useState<OpenToken | null>(null);
  const [active, setActive] = useState(0);
  const list = useRef<HTMLDivElement>(null);
  // The popup is a sibling of the tokens, not inside one, so a token's text is only its own
  // (selection and copy give the reply, not the alternatives).
  const show = (index: number, el: HTMLElement) => {
    const width = list.current?.clientWidth ?? 0;
    setOpen({ index, left: Math.max(0, Math.min(el.offsetLeft, width - POPUP_WIDTH)), top: el.offsetTop + el.offsetHeight });
  };
  const hide = (index: number) => setOpen((o) => (o?.index === index ? null : o));

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && open) {
      e.stopPropagation();
      setOpen(null);
      return;
    }
    const move = NEXT[e.key];
    if (!move || groups.length === 0) return;
    e.preventDefault();
    const next = move(active, groups.length - 1);
    setActive(next);
    list.current?.querySelectorAll<HTMLElement>('[data-testid="logprob-token"]')[next]?.focus();
  };

  return (
    <div data-testid="token-view">
      <Legend />
      <div
        ref={list}
        role="group"
        aria-label="Reply tokens: arrow keys move between tokens"
        onKeyDown={onKeyDown}
        className="relative font-mono text-[12.5px] leading-[1.9] whitespace-pre-wrap break-words"
      >
        {groups.map((g, i) => (
          <span
            key={g.start}
            data-testid="logprob-token"
            data-logprob={g.logprob}
            data-token-count={g.tokens.length}
            tabIndex={i === active ? 0 : -1}
            aria-label={`${quoted(g.text)} ${percent(g.logprob)}${g.tokens.length > 1 ? `, joint probability of ${g.tokens.length} tokens` : ''}`}
            aria-describedby={open?.index === i ? `token-details-${g.start}` : undefined}
            onMouseEnter={(e) => show(i, e.currentTarget)}
            onMouseLeave={() => hide(i)}
            onFocus={(e) => {
              setActive(i);
              show(i, e.currentTarget);
            }}
            onBlur={() => hide(i)}
            className={`rounded-sm px-px outline-none focus-visible:ring-2 focus-visible:ring-accent ${
              g.tokens.length > 1 ? 'underline decoration-dotted decoration-faint underline-offset-4' : ''
            } ${TINT[probabilityBucket(g.logprob)]}`}
          >
            {shown(g.text)}
          </span>
        ))}
        {open && groups[open.index] ? (
          <TokenDetails
            id={`token-details-${groups[open.index]!.start}`}
            group={groups[open.index]!}
            style={{ left: open.left, top: open.top, width: POPUP_WIDTH }}
          />
        ) : null}
      </div>
    </div>
  );
}

function Legend() {
  return (
    <div className="mb-2 flex flex-wrap items-center gap-1.5 text-[10.5px] text-muted" aria-label="Probability legend">
      {BUCKET_LABELS.map((label, i) => (
        // Full-strength text, as on the tokens: muted grey on the two strongest tints is under 4.5:1.
        <span key={label} className={`rounded-sm border border-line px-1.5 text-fg ${TINT[i as 0 | 1 | 2 | 3 | 4]}`}>
          {label}
        </span>
      ))}
      <span className="ml-1 text-faint">Hover or focus a token for its alternatives</span>
    </div>
  );
}
