/**
 * Share links: the conversation file, deflated with fflate and base64url-encoded in the URL
 * fragment (`#share=…`). Browsers never send the fragment to a server, so sharing needs none.
 */
import type { MessageId } from '../../domain/types';
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { base64urlToBytes, bytesToBase64url } from './base64';
import type { BlobData, ConversationBundle } from './format';
import { DEFAULT_PARAM_VALUES } from '../../domain/params';
import { encodeDocument } from './encode';
import type { DocumentV2 } from './schema';
import { SHARE_PARAM } from './share-fragment';

export { SHARE_PARAM, sharePayload } from './share-fragment';

/** Links leave out parameter values equal to the defaults: restore() fills them back in. */
function withoutDefaultValues(doc: DocumentV2): DocumentV2 {
  const defaults = DEFAULT_PARAM_VALUES as unknown as Record<string, unknown>;
  for (const c of doc.conversations) {
    const values = c.params.values as Record<string, unknown>;
    for (const key of Object.keys(values)) if (JSON.stringify(values[key]) === JSON.stringify(defaults[key])) delete values[key];
  }
  return doc;
}

/** Images up to this size travel inside links; larger ones are replaced by a notice. */
export const LINK_IMAGE_LIMIT = 12 * 1024;
/** A link never inflates to more than this (a hostile link cannot exhaust memory). */
const MAX_INFLATED = 64 * 1024 * 1024;

export interface DroppedBinary {
  messageId: MessageId;
  name: string;
  size: number;
}

/** A part the link carries as a web address: whoever opens the link loads it from `host` (after a click). */
export interface LinkedMedia {
  messageId: MessageId;
  type: 'image' | 'audio' | 'file';
  host: string;
}

export interface ShareLink {
  url: string;
  length: number;
  dropped: DroppedBinary[];
  /** Image and audio parts that stay web addresses in the link (counted, so the sender knows). */
  linked: LinkedMedia[];
  /** Spoken replies whose audio is left out (their transcript travels). */
  audioRepliesLeftOut: number;
  warning: LinkWarning | null;
}

export interface LinkWarning {
  level: 'caution' | 'danger';
  text: string;
}

/** Where links of this length are known to break. */
export function linkWarning(length: number): LinkWarning | null {
  if (length > 64_000)
    return {
      level: 'danger',
      text: 'Too long for most places: browsers may refuse it and chat apps, email and QR codes will cut it. Share a file instead.',
    };
  if (length > 8_000)
    return {
      level: 'danger',
      text: 'Chat apps and email clients often truncate links this long (Slack, Teams, many mail clients). A file is safer.',
    };
  if (length > 2_000)
    return {
      level: 'caution',
      text: 'Some chat apps, SMS and older tools cut links past 2,000 characters. If it arrives broken, share a file instead.',
    };
  return null;
}

function sizeLabel(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
}

/** Large binary parts become a text notice, so the receiver sees that something was left out. */
/** Bytes a data: URL decodes to (base64 or percent-encoded). */
function dataURLBytes(url: string): number {
  const comma = url.indexOf(',');
  const body = url.slice(comma + 1);
  return /;base64,/i.test(url.slice(0, comma + 1)) ? Math.floor((body.replace(/=+$/, '').length * 3) / 4) : body.length;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || url.slice(0, 40);
  } catch {
    return url.slice(0, 40);
  }
}

/**
 * Large binary parts (stored or inline data: URLs) become a text notice, so the receiver sees that
 * something was left out; web addresses stay as they are and are counted; a spoken reply's audio
 * is left out (its transcript stays) and counted.
 */
function dropLargeBinaries(bundle: ConversationBundle, blobs: ReadonlyMap<string, BlobData>) {
  const dropped: DroppedBinary[] = [];
  const linked: LinkedMedia[] = [];
  let audioRepliesLeftOut = 0;
  const kept = new Map<string, BlobData>();
  const messages = bundle.messages.map((m) => {
    let changed = false;
    const content = m.content.map((p) => {
      if (p.type === 'text') return p;
      let size: number;
      if (p.source.kind === 'url') {
        if (!/^data:/i.test(p.source.url)) {
          linked.push({ messageId: m.id, type: p.type, host: hostOf(p.source.url) });
          return p;
        }
        size = dataURLBytes(p.source.url);
        if (size <= LINK_IMAGE_LIMIT) return p;
      } else {
        const blob = blobs.get(p.source.blobId);
        if (blob && blob.bytes.length <= LINK_IMAGE_LIMIT) {
          kept.set(p.source.blobId, blob);
          return p;
        }
        size = blob?.bytes.length ?? p.source.size ?? 0;
      }
      changed = true;
      const mime = p.source.kind === 'blob' ? p.source.mimeType : (/^data:([^;,]*)/i.exec(p.source.url)?.[1] ?? 'inline data');
      const name = (p.source.kind === 'blob' ? p.source.name : undefined) ?? (p.type === 'file' ? p.filename : `${p.type} (${mime})`);
      dropped.push({ messageId: m.id, name, size });
      return { type: 'text' as const, text: `[${p.type} left out of the share link: ${name}, ${sizeLabel(size)}]` };
    });
    if (m.audio?.blobId) audioRepliesLeftOut++;
    const audio = m.audio?.blobId ? { ...m.audio, blobId: undefined } : m.audio;
    return changed || audio !== m.audio ? { ...m, content, ...(audio ? { audio } : {}) } : m;
  });
  return { bundle: { ...bundle, messages }, blobs: kept, dropped, linked, audioRepliesLeftOut };
}

export function encodeShareLink(appURL: string, bundle: ConversationBundle, blobs: ReadonlyMap<string, BlobData>): ShareLink {
  const slim = dropLargeBinaries(bundle, blobs);
  const doc = withoutDefaultValues(structuredClone(encodeDocument([slim.bundle], slim.blobs)));
  const json = JSON.stringify(doc);
  const packed = bytesToBase64url(deflateSync(strToU8(json), { level: 9 }));
  const base = appURL.replace(/#.*$/, '');
  const url = `${base}#${SHARE_PARAM}=${packed}`;
  return {
    url,
    length: url.length,
    dropped: slim.dropped,
    linked: slim.linked,
    audioRepliesLeftOut: slim.audioRepliesLeftOut,
    warning: linkWarning(url.length),
  };
}

export type Inflated = { ok: true; json: string } | { ok: false; reason: string };

/** Decodes a share payload back to the file's JSON text; never throws. */
export function inflatePayload(payload: string): Inflated {
  if (payload === '') return { ok: false, reason: 'the link has no conversation in it' };
  let bytes: Uint8Array;
  try {
    bytes = base64urlToBytes(payload);
  } catch {
    return { ok: false, reason: 'the link is damaged (not base64url)' };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  try {
    const inflater = new Inflate((chunk, final) => {
      total += chunk.length;
      if (total > MAX_INFLATED) throw new Error('too large');
      chunks.push(chunk);
      if (final) ended = true;
    });
    inflater.push(bytes, true);
  } catch (e) {
    const tooLarge = e instanceof Error && e.message === 'too large';
    return {
      ok: false,
      reason: tooLarge ? 'the link unpacks to more than 64 MB' : 'the link is damaged or cut short (it does not decompress)',
    };
  }
  if (!ended) return { ok: false, reason: 'the link is cut short (it ends mid-way); ask for the whole link or a file' };
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return { ok: true, json: strFromU8(out) };
}
