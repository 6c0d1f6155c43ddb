import { useState } from 'react';
import { Dialog } from '../../components/ui/Dialog';
import type { ContentPart, ImageDetail, Message } from '../../domain/types';
import { useObjectURL } from './use-object-url';
import { useMediaURL } from './use-media-url';

type BinaryPart = Exclude<ContentPart, { type: 'text' }>;

function sizeLabel(size: number | undefined): string {
  if (size === undefined) return '';
  return size > 1024 * 1024 ? `${(size / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(size / 1024))} KB`;
}

/** An image part: a thumbnail that opens a larger preview; optional controls for editing. */
export function ImagePartView({
  part,
  onDetail,
  children,
}: {
  part: Extract<ContentPart, { type: 'image' }>;
  onDetail?: (d: ImageDetail) => void;
  children?: React.ReactNode;
}) {
  const { url, waitingHost, refused, load } = useMediaURL(part.source, 'image');
  const [preview, setPreview] = useState(false);
  const name =
    part.source.kind === 'blob' ? (part.source.name ?? 'image') : part.source.url.startsWith('data:') ? 'pasted image' : part.source.url;
  return (
    <div
      data-testid="image-part"
      data-detail={part.detail}
      className="inline-flex max-w-full items-center gap-2 rounded-lg border border-line bg-sunken p-1.5 pr-2 text-[12px]"
    >
      {waitingHost !== null || refused ? (
        <button
          type="button"
          disabled={refused}
          className="flex h-14 w-14 shrink-0 items-center justify-center rounded border border-dashed border-line bg-raised px-1 text-center text-[10px] leading-tight text-muted hover:text-fg disabled:cursor-not-allowed"
          aria-label={refused ? `Image ${name} not loaded: its address is not a web or inline image` : `Load image from ${waitingHost}`}
          title={
            refused
              ? 'Only https: addresses and inline images are ever loaded'
              : `Loads from ${waitingHost}, which will see your IP address`
          }
          onClick={load}
        >
          {refused ? 'not loaded' : 'Load image'}
        </button>
      ) : (
        <button
          type="button"
          className="shrink-0 overflow-hidden rounded border border-line bg-raised"
          aria-label={`Preview ${name}`}
          onClick={() => setPreview(true)}
        >
          {url ? (
            <img src={url} alt={name} referrerPolicy="no-referrer" className="h-14 w-14 object-cover" />
          ) : (
            <span className="block h-14 w-14" />
          )}
        </button>
      )}
      <div className="min-w-0 space-y-1">
        <div className="max-w-48 truncate text-fg" title={name}>
          {name}
        </div>
        <div className="flex items-center gap-1.5 text-faint">
          {onDetail ? (
            <select
              aria-label="Image detail"
              value={part.detail}
              onChange={(e) => onDetail(e.target.value as ImageDetail)}
              className="h-6 rounded border border-line bg-raised px-1 text-[11.5px] text-fg"
            >
              <option value="auto">detail: auto</option>
              <option value="low">detail: low</option>
              <option value="high">detail: high</option>
            </select>
          ) : (
            <span>detail: {part.detail}</span>
          )}
          {part.source.kind === 'blob' ? <span>{sizeLabel(part.source.size)}</span> : null}
        </div>
      </div>
      {children}
      <Dialog
        open={preview}
        onClose={() => setPreview(false)}
        label={`Image ${name}`}
        className="max-h-[90vh] max-w-[90vw] rounded-lg border border-line bg-panel p-2 backdrop:bg-black/60"
      >
        {url ? <img src={url} alt={name} referrerPolicy="no-referrer" className="max-h-[80vh] max-w-[85vw] object-contain" /> : null}
        <div className="mt-2 flex justify-end">
          <button
            type="button"
            onClick={() => setPreview(false)}
            className="rounded-md border border-line px-3 py-1 text-[12px] text-fg hover:bg-sunken"
          >
            Close
          </button>
        </div>
      </Dialog>
    </div>
  );
}

export function AudioPartView({ part, children }: { part: Extract<ContentPart, { type: 'audio' }>; children?: React.ReactNode }) {
  const { url, waitingHost, refused, load } = useMediaURL(part.source, 'audio');
  const name = part.source.kind === 'blob' ? (part.source.name ?? 'audio') : 'audio';
  return (
    <div
      data-testid="audio-part"
      className="inline-flex max-w-full items-center gap-2 rounded-lg border border-line bg-sunken p-1.5 pr-2 text-[12px]"
    >
      {url ? <audio controls src={url} className="h-8 max-w-64" aria-label={name} /> : null}
      {waitingHost !== null ? (
        <button
          type="button"
          onClick={load}
          title={`Loads from ${waitingHost}, which will see your IP address`}
          className="rounded border border-line bg-raised px-2 py-0.5 text-[12px] text-muted hover:text-fg"
        >
          Load audio from {waitingHost}
        </button>
      ) : null}
      {refused ? <span className="text-faint">not loaded: not a web or inline audio address</span> : null}
      <span className="truncate text-muted">
        {name} · {part.format}
      </span>
      {children}
    </div>
  );
}

export function FilePartView({ part, children }: { part: Extract<ContentPart, { type: 'file' }>; children?: React.ReactNode }) {
  const size = part.source.kind === 'blob' ? sizeLabel(part.source.size) : '';
  return (
    <div
      data-testid="file-part"
      className="inline-flex max-w-full items-center gap-2 rounded-lg border border-line bg-sunken px-2 py-1.5 text-[12px]"
    >
      <span className="rounded bg-danger-soft px-1 font-mono text-[10px] font-semibold text-danger">PDF</span>
      <span className="truncate text-fg">{part.filename}</span>
      {size ? <span className="text-faint">{size}</span> : null}
      {children}
    </div>
  );
}

export function BinaryPartView({
  part,
  onDetail,
  children,
}: {
  part: BinaryPart;
  onDetail?: (d: ImageDetail) => void;
  children?: React.ReactNode;
}) {
  if (part.type === 'image')
    return (
      <ImagePartView part={part} {...(onDetail ? { onDetail } : {})}>
        {children}
      </ImagePartView>
    );
  if (part.type === 'audio') return <AudioPartView part={part}>{children}</AudioPartView>;
  return <FilePartView part={part}>{children}</FilePartView>;
}

/** Read-only list of the non-text parts of a message, under its text. */
export function AttachmentsView({ parts }: { parts: ContentPart[] }) {
  const binary = parts.filter((p): p is BinaryPart => p.type !== 'text');
  if (binary.length === 0) return null;
  return (
    <div className="mt-2 flex flex-wrap gap-2">
      {binary.map((p, i) => (
        <BinaryPartView key={i} part={p} />
      ))}
    </div>
  );
}

/** An assistant's audio reply: played inline from its stored Blob, with its transcript. */
export function AudioReplyView({ audio }: { audio: NonNullable<Message['audio']> }) {
  const url = useObjectURL(audio.blobId ? { kind: 'blob', blobId: audio.blobId, mimeType: 'audio/wav' } : { kind: 'url', url: '' });
  return (
    <div data-testid="message-audio" className="mt-2 space-y-1.5 rounded-lg border border-line bg-sunken p-2 text-[12.5px]">
      <div className="flex items-center gap-2">
        {url ? <audio controls src={url} className="h-8" aria-label="Audio reply" /> : <span className="text-faint">audio not stored</span>}
        <span className="ml-auto font-mono text-[11px] text-faint" title="Later turns refer to this reply by id">
          {audio.id}
        </span>
      </div>
      {audio.transcript ? (
        <div className="whitespace-pre-wrap text-muted">
          <span className="font-medium text-fg">Transcript: </span>
          {audio.transcript}
        </div>
      ) : null}
    </div>
  );
}
