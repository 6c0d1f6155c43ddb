/** What the readable exports (Markdown, HTML) show: the current branch, with binaries as data URLs. */
import { pathToLeaf } from '../../domain/messages';
import type { ContentPart, Message } from '../../domain/types';
import { safeMimeType, toDataURL } from './base64';
import type { BlobData, ConversationBundle } from './format';

export type TranscriptPiece =
  | { kind: 'text'; text: string }
  | { kind: 'image'; src: string | null; url: string | null; alt: string }
  | { kind: 'attachment'; label: string };

export function pieces(content: readonly ContentPart[], blobs: ReadonlyMap<string, BlobData>): TranscriptPiece[] {
  const out: TranscriptPiece[] = [];
  for (const p of content) {
    if (p.type === 'text') {
      const last = out.at(-1);
      if (last?.kind === 'text') last.text += p.text;
      else out.push({ kind: 'text', text: p.text });
      continue;
    }
    const name = p.source.kind === 'blob' ? (p.source.name ?? p.type) : p.source.url;
    if (p.type === 'image') {
      if (p.source.kind === 'url') {
        const inline = p.source.url.startsWith('data:image/');
        out.push({ kind: 'image', src: inline ? p.source.url : null, url: inline ? null : p.source.url, alt: 'image' });
      } else {
        const blob = blobs.get(p.source.blobId);
        const mime = safeMimeType(p.source.mimeType);
        out.push({
          kind: 'image',
          src: blob && mime.startsWith('image/') ? toDataURL(mime, blob.bytes) : null,
          url: null,
          alt: p.source.name ?? 'image',
        });
      }
    } else out.push({ kind: 'attachment', label: p.type === 'file' ? `file: ${p.filename}` : `audio (${p.format}): ${name}` });
  }
  return out;
}

export function currentPath(bundle: ConversationBundle): Message[] {
  return pathToLeaf(bundle.messages, bundle.conversation.currentLeafId);
}
