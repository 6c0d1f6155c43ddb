import { conversationSeries, formatUSD, totalCost } from '../../domain/meter-stats';
import type { SeriesPoint } from '../../domain/meter-stats';
import type { ModelFacts } from '../../domain/model-facts';
import type { Message } from '../../domain/types';
import { useTodayTotal } from './use-day-total';
import { Section } from './parts';

interface Props {
  path: Message[];
  messages: Message[];
  factsFor: (model: string, message?: Message) => ModelFacts;
  model: string;
}

export function CostSection({ path, messages, factsFor, model }: Props) {
  const today = useTodayTotal();
  const total = totalCost(messages, factsFor, model);
  const series = conversationSeries(path, factsFor, model);
  return (
    <Section title="Cost">
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-0.5">
        <dt className="text-muted">This conversation (all branches)</dt>
        <dd data-testid="meter-cost-conversation" className="text-right font-mono">
          {total.priced === 0 && total.unpriced > 0 ? 'no price' : formatUSD(total.usd)}
          {total.unpriced > 0 && total.priced > 0 ? ` + ${total.unpriced} unpriced` : ''}
        </dd>
        <dt className="text-muted">Today, all conversations</dt>
        <dd data-testid="meter-cost-today" className="text-right font-mono">
          {today
            ? `${formatUSD(today.usd)} · ${today.tokens.toLocaleString('en-US')} tokens · ${today.replies} requests${today.unpriced > 0 ? ` (${today.unpriced} unpriced)` : ''}`
            : '…'}
        </dd>
      </dl>
      {series.length > 1 ? <CostChart points={series} /> : null}
    </Section>
  );
}

const W = 480;
const H = 64;

/** Tokens per reply as bars, cumulative cost as a line; inline SVG, no chart library. */
function CostChart({ points }: { points: SeriesPoint[] }) {
  const maxTokens = Math.max(1, ...points.map((p) => p.tokens));
  const maxCost = Math.max(0, ...points.map((p) => p.cumulativeCost));
  const step = W / points.length;
  const line = points
    .map((p, i) => `${(i + 0.5) * step},${maxCost > 0 ? H - 2 - (p.cumulativeCost / maxCost) * (H - 6) : H - 2}`)
    .join(' ');
  return (
    <figure className="mt-2">
      <svg
        data-testid="meter-chart"
        viewBox={`0 0 ${W} ${H}`}
        className="h-16 w-full"
        role="img"
        aria-label={`Tokens per reply and cumulative cost over ${points.length} replies`}
      >
        {points.map((p, i) => {
          const h = (p.tokens / maxTokens) * (H - 4);
          return <rect key={p.n} x={i * step + step * 0.15} y={H - h} width={step * 0.7} height={h} className="fill-accent/25" />;
        })}
        {maxCost > 0 ? <polyline points={line} fill="none" strokeWidth={1.5} className="stroke-warn" /> : null}
      </svg>
      <figcaption className="flex justify-between text-[10.5px] text-faint">
        <span>bars: tokens per reply (max {maxTokens.toLocaleString('en-US')})</span>
        <span>line: cumulative cost {maxCost > 0 ? `(${formatUSD(maxCost)})` : '(no price)'}</span>
      </figcaption>
    </figure>
  );
}
