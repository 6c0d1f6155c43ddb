import { useRef, useState } from 'react';
import { IconButton } from '../../components/ui/Button';
import { inputClass } from '../../components/ui/Field';
import { toast } from '../../components/ui/toast';
import type { ContentPart, ImageDetail, Message, MessageId } from '../../domain/types';
import { AutoTextarea } from './AutoTextarea';
import { edit } from './editor-actions';
import { useEditorStore } from './editor-store';
import { partsFromFiles } from './files';
import { useFileInputOwner } from './path-store';
import { BinaryPartView } from './PartView';
import { useFocusRequest } from './use-focus-request';

const small = 'inline-flex h-7 items-center gap-1 rounded-md px-2 text-[12px] text-muted hover:bg-sunken hover:text-fg';

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** Adds files (from a picker, paste or drop) as parts of a message; bad files get a clear error. */
export async function attachFiles(
  messageId: MessageId,
  files: Iterable<File>,
  accept: 'image' | 'audio' | 'file' | 'any' = 'any',
): Promise<void> {
  const { parts, errors } = await partsFromFiles(files, accept);
  for (const e of errors) toast(e, 'error');
  if (parts.length > 0) edit(messageId, (m) => ({ ...m, content: [...m.content, ...parts] }));
}

/** Files carried by a paste or drop event, if any. */
export function filesOf(data: DataTransfer | null): File[] {
  return data ? Array.from(data.files) : [];
}

/** The parts of a user message: text, images, audio and PDF files, in order. */
export function PartsEditor({ message, onKeyDown }: { message: Message; onKeyDown: (e: React.KeyboardEvent) => void }) {
  const isActive = useFileInputOwner(useEditorStore((s) => s.activeEditorId)) === message.id;
  const [generation, setGeneration] = useState(0);
  const [urlOpen, setUrlOpen] = useState(false);
  const audioInput = useRef<HTMLInputElement>(null);
  const pdfInput = useRef<HTMLInputElement>(null);
  const parts = message.content;
  const firstText = parts.findIndex((p) => p.type === 'text');
  const textInput = useFocusRequest<HTMLTextAreaElement>(message.id, 'text-input');
  const change = (fn: (parts: ContentPart[]) => ContentPart[], remount = false) => {
    edit(message.id, (m) => ({ ...m, content: fn(m.content) }));
    if (remount) setGeneration((g) => g + 1);
  };
  const setText = (index: number, text: string) =>
    change((ps) =>
      index < 0 ? [{ type: 'text', text }, ...ps] : ps.map((p, i) => (i === index && p.type === 'text' ? { ...p, text } : p)),
    );

  return (
    <div className="space-y-2">
      {parts.map((part, i) => (
        <div key={`${generation}-${i}`} className="group/part flex items-start gap-1.5">
          <div className="min-w-0 flex-1">
            {part.type === 'text' ? (
              <AutoTextarea
                {...(i === firstText ? { 'data-testid': 'message-text-input', textareaRef: textInput } : {})}
                aria-label={i === firstText ? 'Message text' : `Text part ${i + 1}`}
                initial={part.text}
                placeholder="Text"
                onText={(t) => setText(i, t)}
                onKeyDown={onKeyDown}
                variables
                autoFocus={i === firstText}
              />
            ) : (
              <BinaryPartView
                part={part}
                {...(part.type === 'image'
                  ? {
                      onDetail: (d: ImageDetail) =>
                        change((ps) => ps.map((p, j) => (j === i && p.type === 'image' ? { ...p, detail: d } : p))),
                    }
                  : {})}
              />
            )}
          </div>
          {parts.length > 1 ? (
            <div className="flex shrink-0 flex-col opacity-60 group-hover/part:opacity-100 focus-within:opacity-100">
              <IconButton
                label={`Move part ${i + 1} up`}
                disabled={i === 0}
                className="h-5"
                onClick={() => change((ps) => move(ps, i, i - 1), true)}
              >
                ↑
              </IconButton>
              <IconButton
                label={`Move part ${i + 1} down`}
                disabled={i === parts.length - 1}
                className="h-5"
                onClick={() => change((ps) => move(ps, i, i + 1), true)}
              >
                ↓
              </IconButton>
            </div>
          ) : null}
          <IconButton
            label={`Remove part ${i + 1}`}
            className="shrink-0"
            onClick={() => change((ps) => ps.filter((_, j) => j !== i), true)}
          >
            ✕
          </IconButton>
        </div>
      ))}
      {urlOpen ? (
        <ImageURLForm
          onDone={(url) => {
            setUrlOpen(false);
            if (url) change((ps) => [...ps, { type: 'image', source: { kind: 'url', url }, detail: 'auto' }]);
          }}
        />
      ) : null}
      <div className="flex flex-wrap items-center gap-1 text-[12px]" role="group" aria-label="Add a part">
        <span className="mr-1 text-faint">Add</span>
        <button type="button" className={small} onClick={() => change((ps) => [...ps, { type: 'text', text: '' }], true)}>
          Text
        </button>
        <label className={`${small} cursor-pointer focus-within:outline-2 focus-within:outline-accent`}>
          Image file
          {isActive ? (
            <input
              data-testid="image-file-input"
              type="file"
              accept="image/png,image/jpeg,image/gif,image/webp"
              multiple
              className="sr-only"
              onChange={(e) => {
                void attachFiles(message.id, Array.from(e.target.files ?? []), 'image');
                e.target.value = '';
              }}
            />
          ) : (
            <input
              type="file"
              aria-label="Image file"
              accept="image/png,image/jpeg,image/gif,image/webp"
              multiple
              className="sr-only"
              onChange={(e) => {
                void attachFiles(message.id, Array.from(e.target.files ?? []), 'image');
                e.target.value = '';
              }}
            />
          )}
        </label>
        <button type="button" className={small} onClick={() => setUrlOpen(true)}>
          Image URL
        </button>
        <button type="button" className={small} onClick={() => audioInput.current?.click()}>
          Audio (WAV/MP3)
        </button>
        <button type="button" className={small} onClick={() => pdfInput.current?.click()}>
          PDF
        </button>
        <input
          ref={audioInput}
          type="file"
          aria-label="Audio file"
          accept="audio/wav,audio/x-wav,audio/mpeg,.wav,.mp3"
          className="hidden"
          onChange={(e) => {
            void attachFiles(message.id, Array.from(e.target.files ?? []), 'audio');
            e.target.value = '';
          }}
        />
        <input
          ref={pdfInput}
          type="file"
          aria-label="PDF file"
          accept="application/pdf,.pdf"
          className="hidden"
          onChange={(e) => {
            void attachFiles(message.id, Array.from(e.target.files ?? []), 'file');
            e.target.value = '';
          }}
        />
        <span className="ml-auto text-[11px] text-faint">or paste / drop files here</span>
      </div>
    </div>
  );
}

function ImageURLForm({ onDone }: { onDone: (url: string | null) => void }) {
  const [url, setUrl] = useState('');
  const valid = /^(https?:|data:image\/)/i.test(url.trim());
  return (
    <form
      className="flex items-center gap-1.5"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onDone(url.trim());
      }}
    >
      <input
        autoFocus
        aria-label="Image URL"
        placeholder="https://…/image.png"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onDone(null)}
        className={`${inputClass} h-7 flex-1 font-mono text-[12px]`}
      />
      <button type="submit" disabled={!valid} className="h-7 rounded-md border border-line bg-raised px-2 text-[12px] disabled:opacity-40">
        Add image
      </button>
      <button type="button" onClick={() => onDone(null)} className="h-7 rounded-md px-2 text-[12px] text-muted hover:bg-sunken">
        Cancel
      </button>
    </form>
  );
}
