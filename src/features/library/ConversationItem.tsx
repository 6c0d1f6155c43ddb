import { memo, useEffect, useState } from 'react';
import { IconButton } from '../../components/ui/Button';
import { PencilIcon, PinIcon, TrashIcon } from '../../components/ui/icons';
import { toast } from '../../components/ui/toast';
import type { ConversationSummary } from '../../domain/library';
import { Highlighted } from './Highlighted';
import { ItemMenu } from './ItemMenu';
import { deleteWithUndo, duplicate, saveTags, saveTitle, pin, titleFromModel } from './library-actions';
import { TitleText } from '../../components/ui/TitleText';
import { useLibraryStore } from './library-store';

interface Props {
  conversation: ConversationSummary;
  active: boolean;
  terms: readonly string[];
  snippet: string | undefined;
  onOpen: (id: string) => void;
}

type Editing = { field: 'title' | 'tags'; value: string; from: string } | null;

export const ConversationItem = memo(function ConversationItem({ conversation: c, active, terms, snippet, onOpen }: Props) {
  const [editing, setEditing] = useState<Editing>(null);
  const pinned = c.pinnedAt !== undefined;
  const renameAsked = useLibraryStore((s) => s.renaming === c.id);
  useEffect(() => {
    // Rename from the command palette: the same title field as the Rename button.
    if (!renameAsked) return;
    useLibraryStore.getState().requestRename(null);
    setEditing({ field: 'title', value: c.title, from: c.title });
  }, [renameAsked, c.title]);

  const commit = () => {
    if (!editing) return;
    setEditing(null);
    if (editing.value.trim() === editing.from) return;
    if (editing.field === 'title') void saveTitle(c, editing.value, editing.from);
    else void saveTags(c.id, editing.value);
  };

  if (editing) {
    return (
      <div data-testid="conversation-item" data-conversation-id={c.id} className="flex h-full items-center rounded-md bg-sunken">
        <input
          autoFocus
          aria-label={editing.field === 'title' ? 'Conversation title' : 'Tags, separated by commas'}
          placeholder={editing.field === 'tags' ? 'work, ideas' : undefined}
          value={editing.value}
          onChange={(e) => setEditing({ ...editing, value: e.target.value })}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') setEditing(null);
          }}
          className="mx-1 h-7 min-w-0 flex-1 rounded border border-accent bg-raised px-2 text-[13px]"
        />
      </div>
    );
  }

  return (
    <div
      data-testid="conversation-item"
      data-conversation-id={c.id}
      data-pinned={pinned || undefined}
      className={`group relative flex h-full items-center rounded-md ${active ? 'bg-accent-soft' : 'hover:bg-sunken'}`}
    >
      <button
        type="button"
        onClick={() => onOpen(c.id)}
        aria-current={active ? 'page' : undefined}
        className={`flex min-w-0 flex-1 flex-col justify-center self-stretch px-2.5 text-left ${active ? 'text-fg' : 'text-muted'}`}
      >
        <span className={`flex min-w-0 items-center gap-1.5 text-[13px] ${active ? 'font-medium' : ''}`}>
          <span data-testid="conversation-title" className="truncate">
            <TitleText title={c.title}>{(shown) => <Highlighted text={shown} terms={terms} />}</TitleText>
          </span>
          {(c.tags ?? []).map((t) => (
            <span
              key={t}
              data-testid="conversation-tag"
              className="shrink-0 rounded bg-sunken px-1 text-[10.5px] leading-4 text-faint group-hover:bg-panel"
            >
              {t}
            </span>
          ))}
        </span>
        {snippet ? (
          <span data-testid="conversation-snippet" className="truncate text-[11.5px] text-faint">
            <Highlighted text={snippet} terms={terms} />
          </span>
        ) : null}
      </button>
      {pinned ? (
        <span className="pr-2 text-accent group-hover:invisible" aria-hidden="true">
          <PinIcon />
        </span>
      ) : null}
      {/* Overlaid on hover or focus (or while its menu is open, so focus can return to the menu button),
          so titles use the whole width the rest of the time. */}
      <span className="absolute inset-y-0 right-0 hidden items-center rounded-r-md bg-inherit pr-1 pl-1 group-hover:flex group-focus-within:flex has-[[aria-expanded=true]]:flex">
        <IconButton label="Rename" onClick={() => setEditing({ field: 'title', value: c.title, from: c.title })}>
          <PencilIcon />
        </IconButton>
        <IconButton label="Delete" onClick={() => void deleteWithUndo(c)}>
          <TrashIcon />
        </IconButton>
        <ItemMenu
          label="More actions"
          actions={[
            { label: pinned ? 'Unpin' : 'Pin to top', run: () => void pin(c.id, !pinned) },
            { label: 'Duplicate', run: () => void duplicate(c) },
            {
              label: 'Edit tags…',
              run: () => setEditing({ field: 'tags', value: (c.tags ?? []).join(', '), from: (c.tags ?? []).join(', ') }),
            },
            {
              label: 'Ask the model for a title',
              run: () => void titleFromModel(c.id).catch((err: unknown) => toast(`No title: ${String(err)}`, 'error')),
            },
          ]}
        />
      </span>
    </div>
  );
});
