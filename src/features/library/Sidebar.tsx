import { Button } from '../../components/ui/Button';
import { PlusIcon, SearchIcon } from '../../components/ui/icons';
import { useWorkspaceStore } from '../conversations/workspace-store';
import { ConversationList } from './ConversationList';
import { useLibraryStore } from './library-store';
import { StorageButton } from './StorageButton';
import { useLibraryView } from './use-conversation-list';

export function Sidebar() {
  const activeId = useWorkspaceStore((s) => s.activeConversationId);
  const open = useWorkspaceStore((s) => s.open);
  const { query, tag, setQuery, setTag } = useLibraryStore();
  const view = useLibraryView(query, tag);
  const filtered = query.trim() !== '' || tag !== null;
  const shown = view.rows.reduce((n, r) => n + (r.kind === 'item' ? 1 : 0), 0);

  return (
    <nav aria-label="Conversations" className="flex w-64 shrink-0 flex-col border-r border-line bg-panel">
      <div className="flex h-12 shrink-0 items-center gap-2 border-b border-line px-3">
        <span className="grid h-6 w-6 place-items-center rounded-md bg-accent text-[12px] font-bold text-accent-fg" aria-hidden="true">
          P
        </span>
        <span className="text-[14px] font-semibold tracking-tight">Playground</span>
      </div>
      <div className="space-y-2 p-2">
        <Button data-testid="new-conversation-button" className="w-full" onClick={() => open(null)}>
          <PlusIcon /> New conversation
        </Button>
        <label className="flex h-8 items-center gap-1.5 rounded-md border border-line bg-raised px-2 text-faint focus-within:border-accent">
          <SearchIcon />
          <input
            data-testid="conversation-search"
            type="search"
            aria-label="Search conversations"
            placeholder="Search titles and messages"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setQuery('')}
            className="h-full min-w-0 flex-1 bg-transparent text-[13px] text-fg placeholder:text-faint focus:outline-none"
          />
        </label>
        {view.tags.length > 0 ? (
          <div role="group" aria-label="Filter by tag" className="flex flex-wrap gap-1">
            {[null, ...view.tags].map((t) => (
              <button
                key={t ?? '*'}
                type="button"
                aria-pressed={tag === t}
                onClick={() => setTag(tag === t ? null : t)}
                className={`rounded px-1.5 py-0.5 text-[11.5px] ${tag === t ? 'bg-accent-soft font-medium text-accent' : 'bg-sunken text-muted hover:text-fg'}`}
              >
                {t ?? 'All'}
              </button>
            ))}
          </div>
        ) : null}
      </div>
      {filtered ? (
        <div data-testid="search-summary" className="px-4 pb-1 text-[11.5px] text-faint" aria-live="polite">
          {shown === 0 ? 'No matches' : `${shown} of ${view.total}`}
          {view.indexing ? ' · searching message text…' : ''}
        </div>
      ) : null}
      {!view.loading && view.total === 0 ? (
        <p className="px-4 py-6 text-center text-[12px] text-faint">No conversations yet. They are saved in this browser as you chat.</p>
      ) : null}
      <ConversationList view={view} activeId={activeId} onOpen={open} />
      <div className="border-t border-line p-2">
        <StorageButton />
      </div>
    </nav>
  );
}
