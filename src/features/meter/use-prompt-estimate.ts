import { useEffect, useMemo, useState } from 'react';
import { encodingForModel, imagesTokens, messageCountItems, messageFraming, messageTextTokens, messageTokens, requestExtraTexts, sumPrompt } from '../../domain/tokens';
import type { Message, RequestParams } from '../../domain/types';
import { countTexts } from '../../lib/tokens/token-counter';
import { useComposerStore } from '../chat/composer-store';
import { sizeLookup, useImageSizes, useMeasureImages } from './image-sizes';
import { useMeterStore } from './meter-store';

const DRAFT_DEBOUNCE_MS = 150;

/** FNV-1a: a cheap content key for the draft and the request extras. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}:${(h >>> 0).toString(36)}`;
}

function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return current;
}

/**
 * Keeps the meter store's estimate of the next request up to date. Messages are counted in the
 * worker once per version (cached by id + updatedAt); typing only sends the debounced draft.
 */
export function usePromptEstimate(conversationId: string | null, path: Message[], params: RequestParams): void {
  const draft = useDebounced(useComposerStore((s) => s.text), DRAFT_DEBOUNCE_MS);
  const attached = useComposerStore((s) => s.parts);
  const allParts = useMemo(() => [...path.flatMap((m) => m.content), ...attached], [path, attached]);
  useMeasureImages(allParts);
  const sizes = useImageSizes((s) => s.sizes);
  useEffect(() => {
    let cancelled = false;
    const { encoding, exact } = encodingForModel(params.model);
    const sent = path.filter((m) => m.status !== 'streaming');
    const { tools, schema } = requestExtraTexts(params);
    const items: [string, string][] = sent.flatMap(messageCountItems);
    const draftKey = `draft:${hash(draft)}`;
    const toolsKey = `tools:${hash(tools)}`;
    const schemaKey = `schema:${hash(schema)}`;
    const sizeOf = sizeLookup(sizes);
    const hasDraft = draft.trim() !== '' || attached.length > 0;
    if (draft.trim() !== '') items.push([draftKey, draft]);
    if (tools) items.push([toolsKey, tools]);
    if (schema) items.push([schemaKey, schema]);
    useMeterStore.setState({ pending: true });
    void countTexts(encoding, items).then(({ counts, workerMs }) => {
      if (cancelled) return;
      const perMessage: Record<string, number> = {};
      const textTokens: Record<string, number> = {};
      const texts: number[] = [];
      let framing = 0;
      let images = 0;
      for (const m of sent) {
        const t = messageTextTokens(m, counts) ?? 0;
        texts.push(t);
        framing += messageFraming(m);
        images += imagesTokens(m.content, sizeOf);
        perMessage[m.id] = messageTokens(m, t, sizeOf);
        textTokens[m.id] = t;
      }
      images += imagesTokens(attached, sizeOf);
      const breakdown = sumPrompt({
        messageTexts: texts,
        framing,
        imageTokens: images,
        toolsTokens: tools ? (counts.get(toolsKey) ?? 0) : 0,
        schemaTokens: schema ? (counts.get(schemaKey) ?? 0) : 0,
        draftTokens: hasDraft ? (draft.trim() !== '' ? (counts.get(draftKey) ?? 0) : 0) : null,
      });
      useMeterStore.setState({
        pending: false,
        perMessage,
        textTokens,
        estimate: { conversationId, model: params.model, encoding, exact, breakdown, extras: breakdown.tools + breakdown.schema, workerMs },
      });
    });
    return () => {
      cancelled = true;
    };
  }, [conversationId, path, params, draft, attached, sizes]);
}
