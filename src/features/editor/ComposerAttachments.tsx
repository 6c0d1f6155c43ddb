import { IconButton } from '../../components/ui/Button';
import { PlusIcon } from '../../components/ui/icons';
import { toast } from '../../components/ui/toast';
import type { ContentPart } from '../../domain/types';
import { useComposerStore } from '../conversations/composer-store';
import { useEditorStore } from './editor-store';
import { partsFromFiles } from './files';
import { useFileInputOwner } from './path-store';
import { BinaryPartView } from './PartView';

export async function attachToComposer(files: File[]): Promise<void> {
  const { parts, errors } = await partsFromFiles(files);
  for (const e of errors) toast(e, 'error');
  if (parts.length > 0) {
    const s = useComposerStore.getState();
    s.setParts([...s.parts, ...parts]);
  }
}

/** Files attached to the next user message, with the one image file input when no editor is open. */
export function ComposerAttachments() {
  const parts = useComposerStore((s) => s.parts);
  const setParts = useComposerStore((s) => s.setParts);
  const update = (i: number, next: ContentPart | null) =>
    setParts(next ? parts.map((p, j) => (j === i ? next : p)) : parts.filter((_, j) => j !== i));
  return parts.length > 0 ? (
    <div className="flex flex-wrap gap-2 px-3 pt-2.5">
      {parts.map((p, i) =>
        p.type === 'text' ? null : (
          <BinaryPartView
            key={i}
            part={p}
            {...(p.type === 'image' ? { onDetail: (detail: 'auto' | 'low' | 'high') => update(i, { ...p, detail }) } : {})}
          >
            <IconButton label={`Remove attachment ${i + 1}`} onClick={() => update(i, null)}>
              ✕
            </IconButton>
          </BinaryPartView>
        ),
      )}
    </div>
  ) : null;
}

/** The contract's one image file input belongs to the open message editor, if any, else to the composer. */
export function AttachButton() {
  const editorOpen = useFileInputOwner(useEditorStore((s) => s.activeEditorId)) !== null;
  return (
    <label
      className="inline-flex h-7 cursor-pointer items-center gap-1 rounded-md px-2 text-[12px] text-muted hover:bg-sunken hover:text-fg focus-within:outline-2 focus-within:outline-accent"
      title="Attach images, audio (WAV/MP3) or PDF — or paste / drop them"
    >
      <PlusIcon /> Attach
      <input
        {...(editorOpen ? {} : { 'data-testid': 'image-file-input' })}
        type="file"
        aria-label="Attach files"
        multiple
        accept="image/png,image/jpeg,image/gif,image/webp,audio/wav,audio/mpeg,.wav,.mp3,application/pdf"
        className="sr-only"
        onChange={(e) => {
          void attachToComposer(Array.from(e.target.files ?? []));
          e.target.value = '';
        }}
      />
    </label>
  );
}
