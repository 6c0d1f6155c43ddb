import { Command } from 'cmdk';
import { useFollowed } from '../conversations/use-followed';
import { useWorkspaceStore } from '../conversations/workspace-store';
import { useCommandStore, type Command as AppCommand } from '../../lib/commands/commands';
import { keyLabels } from '../../lib/commands/shortcuts';
import { TitleText } from '../../components/ui/TitleText';
import { paletteScore } from '../../lib/commands/palette-filter';

const itemClass =
  'flex cursor-pointer items-center gap-2 rounded-md px-2.5 py-1.5 text-[13px] text-fg data-[selected=true]:bg-accent-soft data-[selected=true]:text-fg';
const headingClass =
  '[&_[cmdk-group-heading]]:px-2.5 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-[11px] [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:uppercase [&_[cmdk-group-heading]]:tracking-wide [&_[cmdk-group-heading]]:text-muted';

/** Loaded on first use (see Workspace): cmdk and its dialog code stay out of the initial bundle. */
export default function CommandPalette({ onClose }: { onClose: () => void }) {
  const commands = useCommandStore((s) => s.commands);
  const conversations = useFollowed('all', (s) => s.listConversations());
  const activeId = useWorkspaceStore((s) => s.activeConversationId);

  const available = Object.values(commands).filter((c) => c.inPalette !== false && (!c.enabled || c.enabled()));
  const groups = new Map<string, AppCommand[]>();
  for (const c of available) groups.set(c.group, [...(groups.get(c.group) ?? []), c]);

  const choose = (run: () => void) => {
    onClose();
    // After the dialog closed and returned focus, so a command can move focus itself.
    setTimeout(run, 0);
  };

  return (
    <Command label="Command palette" loop filter={paletteScore} className={`flex flex-col ${headingClass}`}>
      <Command.Input
        autoFocus
        data-autofocus
        data-testid="command-palette-input"
        placeholder="Type a command or a conversation name…"
        className="h-11 w-full border-b border-line bg-transparent px-4 text-[14px] text-fg placeholder:text-muted focus:outline-none"
      />
      <Command.List data-testid="command-palette-list" className="max-h-[60vh] overflow-y-auto p-1.5">
        <Command.Empty className="px-3 py-6 text-center text-[13px] text-muted">Nothing matches. Try another word.</Command.Empty>
        {[...groups.entries()].map(([group, list]) => (
          <Command.Group key={group} heading={group}>
            {list.map((c) => (
              <Command.Item
                key={c.id}
                value={`${c.title} ${c.id}`}
                keywords={c.keywords ?? []}
                onSelect={() => choose(c.run)}
                data-testid="command-item"
                className={itemClass}
              >
                <span className="min-w-0 flex-1 truncate">
                  <TitleText title={c.title} />
                </span>
                {c.shortcut && <span className="shrink-0 text-[11px] text-muted">{keyLabels(c.shortcut).join(' ')}</span>}
              </Command.Item>
            ))}
          </Command.Group>
        ))}
        {conversations && conversations.length > 0 && (
          <Command.Group heading="Conversations">
            {conversations.map((c) => (
              <Command.Item
                key={c.id}
                value={`conversation ${c.title} ${c.id}`}
                keywords={[c.title]}
                onSelect={() => choose(() => useWorkspaceStore.getState().open(c.id))}
                data-testid="command-conversation"
                className={itemClass}
              >
                <span className="min-w-0 flex-1 truncate">
                  <TitleText title={c.title || 'Untitled'} />
                </span>
                {c.id === activeId && <span className="shrink-0 text-[11px] text-muted">open</span>}
              </Command.Item>
            ))}
          </Command.Group>
        )}
      </Command.List>
    </Command>
  );
}
