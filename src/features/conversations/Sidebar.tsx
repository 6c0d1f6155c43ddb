import { useLiveQuery } from 'dexie-react-hooks';
import { Button } from '../../components/ui/Button';
import { PlusIcon } from '../../components/ui/icons';
import { db } from '../../lib/db/schema';
import { ConversationItem } from './ConversationItem';
import { useWorkspaceStore } from './workspace-store';

export function Sidebar() {
  const activeId = useWorkspaceStore((s) => s.activeConversationId);
  const open = useWorkspaceStore((s) => s.open);
  const conversations = useLiveQuery(() => db().conversations.orderBy('updatedAt').reverse().toArray(), []);

  return (
    <nav aria-label="Conversations" className="flex w-64 shrink-0 flex-col border-r border-line bg-panel">
      <div className="flex h-12 items-center gap-2 border-b border-line px-3">
        <span className="grid h-6 w-6 place-items-center rounded-md bg-accent text-[12px] font-bold text-accent-fg" aria-hidden="true">P</span>
        <span className="text-[14px] font-semibold tracking-tight">Playground</span>
      </div>
      <div className="p-2">
        <Button data-testid="new-conversation-button" className="w-full" onClick={() => open(null)}>
          <PlusIcon /> New conversation
        </Button>
      </div>
      <ul className="min-h-0 flex-1 space-y-0.5 overflow-y-auto px-2 pb-2">
        {conversations?.length === 0 ? <li className="px-2 py-6 text-center text-[12px] text-faint">No conversations yet. They are saved in this browser as you chat.</li> : null}
        {conversations?.map((c) => (
          <ConversationItem key={c.id} conversation={c} active={c.id === activeId} onOpen={() => open(c.id)} />
        ))}
      </ul>
    </nav>
  );
}
