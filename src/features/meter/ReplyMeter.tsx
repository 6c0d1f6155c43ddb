import { formatUSD } from '../../domain/meter-stats';
import { replyFigures } from '../../domain/reply-figures';
import type { Message } from '../../domain/types';
import { ms } from './parts';
import { SOURCE } from '../endpoints/fact-sources';
import { useReplyFacts } from '../endpoints/model-catalog';

function n(v: number | null | undefined): string {
  return v === null || v === undefined ? '?' : v.toLocaleString('en-US');
}

/**
 * The meter line of one finished reply (every reply, every choice): tokens as the server counted
 * them beside our tokenizer's estimate, cost (cache-aware) or "no price", and speed.
 */
export function ReplyMeter({ message, sameRequest }: { message: Message; sameRequest: readonly Message[] }) {
  const resolved = useReplyFacts()(message.model ?? '', message);
  const f = replyFigures(message, sameRequest, resolved.facts);
  const priceFrom = resolved.sources.inputPrice ?? resolved.sources.outputPrice;
  const source = priceFrom ? ` · ${message.model ?? ''} price from ${SOURCE[priceFrom]}` : '';
  const { usage, tokenEstimate: est } = f;
  const mark = f.estimated ? '≈' : '';
  const priceless = 'no price';
  return (
    <>
      {usage ? (
        <span
          data-testid="reply-tokens"
          data-estimated={f.estimated || undefined}
          title={f.estimated ? 'The server sent no usage: counted by our tokenizer' : 'Usage reported by the server'}
        >
          {mark}
          {n(usage.promptTokens)} in · {mark}
          {n(usage.completionTokens)} out{f.sharedUsage ? ` (all ${f.choices} choices)` : ''}
          {usage.reasoningTokens ? ` · ${n(usage.reasoningTokens)} reasoning` : ''}
          {usage.cachedPromptTokens ? ` · ${n(usage.cachedPromptTokens)} cached` : ''}
        </span>
      ) : null}
      {est && !f.estimated ? (
        <span data-testid="reply-estimate" title="Our tokenizer’s count of the same request and reply">
          est. {n(est.promptTokens)} / {n(est.completionTokens)}
        </span>
      ) : null}
      {f.estimated ? (
        <span
          data-testid="reply-estimated-mark"
          className="rounded bg-sunken px-1.5 py-0.5"
          title="The server sent no usage; these counts are our tokenizer’s estimate"
        >
          estimated
        </span>
      ) : null}
      {usage ? (
        <span
          data-testid="reply-cost"
          data-source={priceFrom}
          title={
            (f.choices > 1
              ? 'Cost of this choice’s output, and of the whole request (its prompt is billed once)'
              : 'Cost of this reply (cached prompt tokens at the cached price)') + source
          }
        >
          {f.choices > 1
            ? `${f.cost === null ? '' : `${formatUSD(f.cost)} output · `}${f.requestCost === null ? priceless : `${formatUSD(f.requestCost)} request`}`
            : f.cost === null
              ? priceless
              : `${mark}${formatUSD(f.cost)}`}
        </span>
      ) : null}
      <span data-testid="reply-speed" className="inline-flex gap-x-3">
        {f.speed.ttftMs !== null ? <span>TTFT {ms(f.speed.ttftMs)}</span> : null}
        {f.speed.tokensPerSec !== null ? <span>{f.speed.tokensPerSec.toFixed(1)} tok/s</span> : null}
        {f.speed.totalMs !== null ? <span>total {ms(f.speed.totalMs)}</span> : null}
      </span>
    </>
  );
}
