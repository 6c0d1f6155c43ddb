import { useState } from 'react';
import { mediaVerdict } from '../../domain/link-safety';
import type { BinarySource } from '../../domain/types';
import { useObjectURL } from './use-object-url';

export interface GatedMedia {
  /** What an <img>/<audio> may load now; null until allowed (or while a blob is read). */
  url: string | null;
  /** The real host of a web address not loaded yet: the button that loads it says it. */
  waitingHost: string | null;
  /** The address can never be loaded (javascript:, file:, a data: URL of another type…). */
  refused: boolean;
  load: () => void;
}

/**
 * A part's media under the same rule as images in markdown: stored blobs and inline data show at
 * once; a web address (from an imported file, a request body, a share link) only after a click,
 * so its sender never learns who opened the conversation, or when.
 */
export function useMediaURL(source: BinarySource, type: 'image' | 'audio'): GatedMedia {
  const url = useObjectURL(source);
  const [allowed, setAllowed] = useState<string | null>(null);
  const load = () => setAllowed(source.kind === 'url' ? source.url : null);
  if (source.kind === 'blob') return { url, waitingHost: null, refused: false, load };
  const verdict = mediaVerdict(source.url, type);
  if (verdict.kind === 'refused') return { url: null, waitingHost: null, refused: true, load };
  if (verdict.kind === 'inline' || allowed === source.url) return { url: source.url, waitingHost: null, refused: false, load };
  return { url: null, waitingHost: verdict.host, refused: false, load };
}
