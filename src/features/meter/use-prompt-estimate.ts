import { useEffect, useMemo, useState } from 'react';
import type { ConversationId, Message, RequestParams } from '../../domain/types';
import { useComposerStore } from '../conversations/composer-store';
import { useImageSizes, useMeasureImages } from './image-sizes';
import { countPrompt } from './prompt-count';
import { useMeterStore } from './meter-store';

const DRAFT_DEBOUNCE_MS = 150;

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
export function usePromptEstimate(conversationId: ConversationId | null, path: Message[], params: RequestParams): void {
  const draft = useDebounced(
    useComposerStore((s) => s.text),
    DRAFT_DEBOUNCE_MS,
  );
  const attached = useComposerStore((s) => s.parts);
  const allParts = useMemo(() => [...path.flatMap((m) => m.content), ...attached], [path, attached]);
  useMeasureImages(allParts);
  const sizes = useImageSizes((s) => s.sizes);
  useEffect(() => {
    let cancelled = false;
    const sent = path.filter((m) => m.status !== 'streaming');
    useMeterStore.setState({ pending: true });
    void countPrompt({ sent, params, draft, attached }).then(({ encoding, exact, breakdown, perMessage, textTokens, workerMs, loadMs }) => {
      if (cancelled) return;
      useMeterStore.setState({
        pending: false,
        perMessage,
        textTokens,
        estimate: {
          conversationId,
          model: params.model,
          encoding,
          exact,
          breakdown,
          extras: breakdown.tools + breakdown.schema,
          workerMs,
          loadMs,
        },
      });
    });
    return () => {
      cancelled = true;
    };
  }, [conversationId, path, params, draft, attached, sizes]);
}
