import type { ContentPart } from '../../domain/types';
import { putBlob } from '../../lib/db/repo';

export const MAX_BYTES = 20 * 1024 * 1024;
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
const AUDIO_TYPES: Record<string, 'wav' | 'mp3'> = {
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/wave': 'wav',
  'audio/mpeg': 'mp3',
  'audio/mp3': 'mp3',
};

export type PartResult = { ok: true; part: ContentPart } | { ok: false; error: string };

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Checks a file and stores it as a Blob in IndexedDB; the part refers to it by id. */
export async function partFromFile(file: File, accept: 'image' | 'audio' | 'file' | 'any' = 'any'): Promise<PartResult> {
  const type = file.type.toLowerCase();
  const label = file.name || 'The file';
  if (file.size > MAX_BYTES) return { ok: false, error: `${label} is ${mb(file.size)}; the limit is 20 MB.` };
  const source = async () => ({ kind: 'blob' as const, blobId: await putBlob(file), mimeType: type, name: file.name, size: file.size });
  if (IMAGE_TYPES.includes(type) && (accept === 'image' || accept === 'any'))
    return { ok: true, part: { type: 'image', source: await source(), detail: 'auto' } };
  const format = AUDIO_TYPES[type] ?? (/\.wav$/i.test(file.name) ? 'wav' : /\.mp3$/i.test(file.name) ? 'mp3' : undefined);
  if (format && (accept === 'audio' || accept === 'any')) return { ok: true, part: { type: 'audio', source: await source(), format } };
  if ((type === 'application/pdf' || /\.pdf$/i.test(file.name)) && (accept === 'file' || accept === 'any')) {
    return {
      ok: true,
      part: { type: 'file', source: { ...(await source()), mimeType: 'application/pdf' }, filename: file.name || 'file.pdf' },
    };
  }
  const allowed =
    accept === 'image'
      ? 'PNG, JPEG, GIF or WebP'
      : accept === 'audio'
        ? 'WAV or MP3'
        : accept === 'file'
          ? 'PDF'
          : 'PNG, JPEG, GIF, WebP, WAV, MP3 or PDF';
  return { ok: false, error: `${label} (${type || 'unknown type'}) cannot be attached: use ${allowed}.` };
}

/** Files from a paste or drop, as parts; errors are returned to be shown, valid files still added. */
export async function partsFromFiles(
  files: Iterable<File>,
  accept: 'image' | 'audio' | 'file' | 'any' = 'any',
): Promise<{ parts: ContentPart[]; errors: string[] }> {
  const parts: ContentPart[] = [];
  const errors: string[] = [];
  for (const f of files) {
    const r = await partFromFile(f, accept);
    if (r.ok) parts.push(r.part);
    else errors.push(r.error);
  }
  return { parts, errors };
}

/** A pasted `data:` URL becomes a Blob row, so rows never hold base64. Other URLs stay URLs. */
export async function storeDataURL(url: string): Promise<{ blobId: string; mimeType: string; size: number } | null> {
  const m = /^data:([^;,]+)?((?:;[^;,]+)*?);base64,(.*)$/is.exec(url);
  if (!m) return null;
  try {
    const bin = atob(m[3]!.replace(/\s/g, ''));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const mimeType = (m[1] ?? 'application/octet-stream').toLowerCase();
    const blob = new Blob([bytes], { type: mimeType });
    return { blobId: await putBlob(blob), mimeType, size: blob.size };
  } catch {
    return null;
  }
}
