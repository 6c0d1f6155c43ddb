import { useEffect } from 'react';
import { create } from 'zustand';
import { mediaVerdict } from '../../domain/link-safety';
import { imageSourceKey } from '../../domain/tokens';
import type { BinarySource, ContentPart } from '../../domain/types';
import { getBlob } from '../../lib/db/repo';

type Size = { width: number; height: number };

/** Pixel sizes of images measured in this session, by blob id or URL (null: could not be read). */
export const useImageSizes = create<{ sizes: Record<string, Size | null> }>()(() => ({ sizes: {} }));

const inFlight = new Set<string>();

async function measure(source: BinarySource): Promise<Size | null> {
  try {
    if (source.kind === 'blob') {
      const blob = await getBlob(source.blobId);
      if (!blob) return null;
      const bitmap = await createImageBitmap(blob);
      const size = { width: bitmap.width, height: bitmap.height };
      bitmap.close();
      return size;
    }
    // A web address is never fetched to count tokens: its host would learn who opened the
    // conversation (the estimate falls back to a 1024×1024 image). Inline data is read in place.
    if (mediaVerdict(source.url, 'image').kind !== 'inline') return null;
    // Only the natural size is read: no CORS needed, nothing is drawn.
    return await new Promise<Size | null>((resolve) => {
      const img = new Image();
      img.onload = () => resolve({ width: img.naturalWidth, height: img.naturalHeight });
      img.onerror = () => resolve(null);
      img.src = source.url;
    });
  } catch {
    return null;
  }
}

/** Measures the images among `parts` that carry no size, once each, for the image token formula. */
export function useMeasureImages(parts: readonly ContentPart[]): void {
  useEffect(() => {
    for (const part of parts) {
      if (part.type !== 'image' || (part.width && part.height) || part.detail === 'low') continue;
      const key = imageSourceKey(part.source);
      if (key in useImageSizes.getState().sizes || inFlight.has(key)) continue;
      inFlight.add(key);
      void measure(part.source).then((size) => {
        inFlight.delete(key);
        useImageSizes.setState((s) => ({ sizes: { ...s.sizes, [key]: size } }));
      });
    }
  }, [parts]);
}

export function sizeLookup(sizes: Record<string, Size | null>) {
  return (source: BinarySource): Size | undefined => sizes[imageSourceKey(source)] ?? undefined;
}
