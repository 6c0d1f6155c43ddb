import { lazy, Suspense, useEffect } from 'react';
import { Popover } from '../../components/ui/Popover';
import { formatUSD, totalCost } from '../../domain/meter-stats';
import { contextState, encodingForModel, reservedOutput } from '../../domain/tokens';
import type { Conversation, Message } from '../../domain/types';
import { warmUp } from '../../lib/tokens/token-counter';
import { useActiveParams } from '../conversations/use-active-conversation';
import { ContextBar } from './ContextBar';
import { useMeterStore } from './meter-store';
import { useFactsFor } from './use-facts';
import { usePromptEstimate } from './use-prompt-estimate';

const MeterDetails = lazy(() => import('./MeterDetails'));

/** Says where `reservedOutput` took its number from (same order of precedence). */
function reservedFrom(enabled: Partial<Record<string, boolean>>, maxOutput: number | undefined, reserved: number): string | null {
  if (enabled.max_completion_tokens) return `max_completion_tokens (${reserved.toLocaleString('en-US')})`;
  if (enabled.max_tokens) return `max_tokens (${reserved.toLocaleString('en-US')})`;
  return maxOutput ? `the model’s max output (${maxOutput.toLocaleString('en-US')}; no output limit switched on)` : null;
}

interface Props {
  conversation: Conversation | null;
  path: Message[];
  messages: Message[];
}

/** Estimate, context bar and cost of the next request, by the composer; details in a popover. */
export function MeterStrip({ conversation, path, messages }: Props) {
  const { params } = useActiveParams(conversation);
  const factsFor = useFactsFor();
  const facts = factsFor(params.model);
  usePromptEstimate(conversation?.id ?? null, path, params);
  const { encoding } = encodingForModel(params.model);
  useEffect(() => {
    // Load the tokenizer in its worker right away (off the main thread), before the first count needs it.
    warmUp(encoding);
  }, [encoding]);

  const estimate = useMeterStore((s) => s.estimate);
  const open = useMeterStore((s) => s.detailsOpen);
  const setOpen = useMeterStore((s) => s.setDetailsOpen);
  const prompt = estimate?.breakdown.total ?? null;
  const reserved = reservedOutput(params.values, params.enabled, facts.maxOutput);
  const state = prompt === null ? 'unknown' : contextState(prompt + reserved, facts.contextWindow);
  const cost = totalCost(messages, factsFor, params.model);
  const costText =
    cost.priced === 0 && cost.unpriced > 0
      ? 'no price'
      : `${formatUSD(cost.usd)}${cost.unpriced > 0 ? ` + ${cost.unpriced} unpriced` : ''}`;

  return (
    <div className="relative flex min-w-0 flex-wrap items-center gap-x-3 gap-y-0.5 text-[11px] text-faint" aria-label="Token meter">
      <span
        title={
          estimate && !estimate.exact
            ? `Approximation: ${params.model} is not an OpenAI model; counted with ${estimate.encoding}`
            : `Prompt tokens of the next request (${encoding})`
        }
      >
        {estimate && !estimate.exact ? '≈' : ''}
        <span data-testid="meter-prompt-estimate" className="font-mono text-muted">
          {prompt === null ? '…' : prompt.toLocaleString('en-US')}
        </span>{' '}
        tokens
      </span>
      <ContextBar
        prompt={prompt ?? 0}
        reserved={reserved}
        reservedFrom={reservedFrom(params.enabled, facts.maxOutput, reserved)}
        window={facts.contextWindow}
        model={params.model}
        state={state}
      />
      <span title="Cost of this conversation so far (all branches)">
        <span data-testid="meter-cost" className="font-mono text-muted">
          {costText}
        </span>
      </span>
      <Popover
        open={open}
        onOpenChange={setOpen}
        className="contents"
        label="Token and cost details"
        button={open ? 'Hide details' : 'Details'}
        buttonTestId="meter-details-toggle"
        buttonClassName="rounded px-1.5 py-0.5 text-accent hover:bg-sunken"
        panelTestId="meter-details"
        panelClassName="absolute bottom-7 left-0 z-30 max-h-[70vh] w-[34rem] max-w-[calc(100vw-2rem)] overflow-y-auto rounded-lg border border-line bg-raised p-3 text-[12px] text-fg shadow-lg"
      >
        <Suspense fallback={<p className="text-faint">Loading…</p>}>
          <MeterDetails
            conversationId={conversation?.id ?? null}
            path={path}
            messages={messages}
            params={params}
            factsFor={factsFor}
            reserved={reserved}
          />
        </Suspense>
      </Popover>
    </div>
  );
}
