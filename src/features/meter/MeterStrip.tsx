import { lazy, Suspense, useEffect } from 'react';
import { formatUSD, totalCost } from '../../domain/meter-stats';
import { contextState, encodingForModel, reservedOutput } from '../../domain/tokens';
import type { Conversation, Message } from '../../domain/types';
import { warmUp } from '../../lib/tokens/token-counter';
import { useActiveParams } from '../conversations/use-active-conversation';
import { useCatalog } from '../endpoints/model-catalog';
import { ContextBar } from './ContextBar';
import { useMeterStore } from './meter-store';
import { useCostRecorder } from './use-cost-recorder';
import { useFactsFor } from './use-facts';
import { usePromptEstimate } from './use-prompt-estimate';

const MeterDetails = lazy(() => import('./MeterDetails'));

interface Props {
  conversation: Conversation | null;
  path: Message[];
  messages: Message[];
}

/** Estimate, context bar and cost of the next request, by the composer; details in a popover. */
export function MeterStrip({ conversation, path, messages }: Props) {
  const { params } = useActiveParams(conversation);
  const factsFor = useFactsFor();
  const catalogReady = useCatalog().isSuccess;
  const facts = factsFor(params.model);
  usePromptEstimate(conversation?.id ?? null, path, params);
  useCostRecorder(catalogReady ? messages : [], factsFor, params.model);
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
    <div className="relative flex min-w-0 items-center gap-3 text-[11px] text-faint" aria-label="Token meter">
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
      <ContextBar prompt={prompt ?? 0} reserved={reserved} window={facts.contextWindow} state={state} />
      <span title="Cost of this conversation so far (all branches)">
        <span data-testid="meter-cost" className="font-mono text-muted">
          {costText}
        </span>
      </span>
      <button
        type="button"
        data-testid="meter-details-toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="rounded px-1.5 py-0.5 text-accent hover:bg-sunken"
      >
        {open ? 'Hide details' : 'Details'}
      </button>
      {open ? (
        <Suspense fallback={null}>
          <MeterDetails
            conversationId={conversation?.id ?? null}
            path={path}
            messages={messages}
            params={params}
            factsFor={factsFor}
            reserved={reserved}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
