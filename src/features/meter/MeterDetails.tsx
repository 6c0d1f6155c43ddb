import type { ModelFacts } from '../../domain/model-facts';
import { imageEstimates } from '../../domain/tokens';
import { useComposerStore } from '../conversations/composer-store';
import { sizeLookup, useImageSizes } from './image-sizes';
import type { ConversationId, Message, RequestParams } from '../../domain/types';
import { CostSection } from './CostSection';
import { useMeterStore } from './meter-store';
import { PriceTable } from './PriceTable';
import { ReplyDetails } from './ReplyDetails';
import { Row, Section } from './parts';

interface Props {
  conversationId: ConversationId | null;
  path: Message[];
  messages: Message[];
  params: RequestParams;
  factsFor: (model: string, message?: Message) => ModelFacts;
  reserved: number;
}

/** The meter's popover content: the next request's breakdown, the last reply, rate limits, cost and prices. */
export default function MeterDetails({ conversationId, path, messages, params, factsFor, reserved }: Props) {
  const estimate = useMeterStore((s) => s.estimate);
  const b = estimate?.breakdown;
  const sizes = useImageSizes((s) => s.sizes);
  const attached = useComposerStore((s) => s.parts);
  const images = imageEstimates([...path.flatMap((m) => m.content), ...attached], sizeLookup(sizes), params.model);
  const facts = factsFor(params.model);
  return (
    <>
      <Section title="Next request">
        {b ? (
          <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-0.5">
            <Row label="Messages (text)" value={b.messages} />
            <Row label={`Images (${images.length})`} value={b.images} />
            <Row label="Tools ≈" value={b.tools} />
            <Row label="Response schema ≈" value={b.schema} />
            <Row label="Composer text" value={b.draft} />
            <Row label="Chat format overhead" value={b.overhead} />
            <Row label="Prompt total" value={b.total} strong />
            <Row label="Reserved output" value={reserved} />
            <Row label="Context window" value={facts.contextWindow ?? 'unknown'} />
          </dl>
        ) : (
          <p className="text-faint">Counting…</p>
        )}
        {images.length > 0 ? (
          <ul data-testid="meter-images" className="mt-1 space-y-0.5 text-faint">
            {images.map((img, i) => (
              <li key={i} className="font-mono">
                image {i + 1}: {img.width && img.height ? `${img.width}×${img.height}` : 'size unknown'} · {img.detail} →{' '}
                {img.ruleKnown ? '' : '≈'}
                {img.tokens}
                {img.sizeKnown ? '' : ' (size unknown: counted as 1024×1024)'}
                {img.ruleKnown ? ` (${img.family} rule)` : ` (${params.model}: GPT-4o’s rule, its own is not known)`}
              </li>
            ))}
          </ul>
        ) : null}
        {estimate ? (
          <p className="mt-1 text-[11px] text-faint">
            {estimate.encoding}
            {estimate.exact ? '' : ` · approximation: ${params.model} has its own tokenizer`} · counted in a worker
            {estimate.workerMs > 0
              ? ` (${Math.round(estimate.workerMs)} ms${estimate.loadMs >= 1 ? `, after ${Math.round(estimate.loadMs)} ms loading the tokenizer` : ''})`
              : ''}
          </p>
        ) : null}
      </Section>
      <ReplyDetails conversationId={conversationId} path={path} messages={messages} factsFor={factsFor} />
      <CostSection path={path} messages={messages} factsFor={factsFor} model={params.model} />
      <PriceTable models={[params.model, ...messages.map((m) => m.model ?? '')]} />
    </>
  );
}
