import { useState } from 'react';
import { BUCKET_LABELS, probability, probabilityBucket } from '../../domain/choices';
import type { TokenLogprob } from '../../domain/types';

// One tint per bucket, from the design tokens: confident tokens stay plain, unlikely ones glow.
const TINT = ['', 'bg-accent-soft', 'bg-warn-soft', 'bg-warn/25', 'bg-danger/25'] as const;

const pct = (logprob: number) => `${(probability(logprob) * 100).toFixed(probability(logprob) < 0.01 ? 2 : 1)}%`;
const shown = (token: string) => token.replace(/\n/g, '↵\n').replace(/ /g, '·');

/** The reply as its tokens, tinted by probability; hover or focus a token for its alternatives. */
export function TokenView({ tokens }: { tokens: TokenLogprob[] }) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <div>
      <Legend />
      <div className="font-mono text-[12.5px] leading-[1.9] whitespace-pre-wrap break-words">
        {tokens.map((t, i) => (
          <span
            key={i}
            data-testid="logprob-token"
            data-logprob={t.logprob}
            tabIndex={0}
            aria-label={`${JSON.stringify(t.token)} ${pct(t.logprob)}`}
            onMouseEnter={() => setOpen(i)}
            onMouseLeave={() => setOpen((o) => (o === i ? null : o))}
            onFocus={() => setOpen(i)}
            onBlur={() => setOpen((o) => (o === i ? null : o))}
            className={`relative rounded-sm px-px outline-none focus-visible:ring-2 focus-visible:ring-accent ${TINT[probabilityBucket(t.logprob)]}`}
          >
            {shown(t.token)}
            {open === i ? <Alternatives token={t} /> : null}
          </span>
        ))}
      </div>
    </div>
  );
}

function Alternatives({ token }: { token: TokenLogprob }) {
  const alts = token.topLogprobs.length > 0 ? token.topLogprobs : [token];
  return (
    <span
      role="tooltip"
      data-testid="logprob-alternatives"
      className="absolute left-0 top-full z-20 mt-1 block min-w-44 rounded-md border border-line bg-raised p-2 text-[11.5px] leading-snug shadow-lg"
    >
      <span className="mb-1 block text-faint">Top alternatives</span>
      {alts.map((a, i) => (
        <span
          key={i}
          className={`flex justify-between gap-3 whitespace-pre ${a.token === token.token ? 'font-semibold text-fg' : 'text-muted'}`}
        >
          <span>{JSON.stringify(a.token)}</span>
          <span className="tabular-nums">{pct(a.logprob)}</span>
        </span>
      ))}
    </span>
  );
}

function Legend() {
  return (
    <div className="mb-2 flex flex-wrap items-center gap-1.5 text-[10.5px] text-muted" aria-label="Probability legend">
      {BUCKET_LABELS.map((label, i) => (
        <span key={label} className={`rounded-sm border border-line px-1.5 ${TINT[i as 0 | 1 | 2 | 3 | 4]}`}>
          {label}
        </span>
      ))}
    </div>
  );
}
