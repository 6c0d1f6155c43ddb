import { IconButton } from '../../components/ui/Button';
import { Menu, MenuItem } from '../../components/ui/Menu';
import { CopyIcon, PencilIcon, PlusIcon, RefreshIcon, TrashIcon } from '../../components/ui/icons';
import { messageText } from '../../domain/messages';
import type { Message } from '../../domain/types';
import { continueReply, regenerate } from '../generation/runs';
import { addMessage, copyToClipboard, deleteMessage, duplicateMessage, moveMessage } from './editor-actions';
import { useEditorStore } from './editor-store';
import { usePlace } from './path-store';
import { useFocusRequest } from './use-focus-request';
import { continueTitle, isCutReply, useContinueMode } from './ContinueOffer';
import { nextRoleOf } from './RoleSelect';
import { setRole } from './editor-actions';

interface Props {
  message: Message;
  running: boolean;
  streaming: boolean;
  long: boolean;
  collapsed: boolean;
  onCollapse: (collapsed: boolean) => void;
  onRaw: () => void;
}

function asMarkdown(m: Message): string {
  const head = `**${m.role}${m.name ? ` (${m.name})` : ''}${m.role === 'tool' && m.toolCallId ? ` · ${m.toolCallId}` : ''}:**`;
  const calls = (m.toolCalls ?? []).map((c) => `\n\n\`${c.name}(${c.arguments})\` — ${c.id}`).join('');
  return `${head}\n\n${messageText(m.content)}${calls}`;
}

/** Per-message commands; the same ones are on the keyboard (see shortcuts.ts). */
export function MessageActions({ message, running, streaming, long, collapsed, onCollapse, onRaw }: Props) {
  const editing = useEditorStore((s) => s.editing[message.id] === true);
  const openEditor = useEditorStore((s) => s.openEditor);
  const closeEditor = useEditorStore((s) => s.closeEditor);
  const { index, count } = usePlace(message.id);
  const isAssistant = message.role === 'assistant';
  const continueMode = useContinueMode();
  // A server without a prefill gets the "Ask to continue" offer under the reply instead (ContinueOffer).
  const canContinue = !streaming && isCutReply(message, message.status) && continueMode.style !== 'none';
  const locked = streaming;
  const editButton = useFocusRequest<HTMLButtonElement>(message.id, 'edit-button', locked);
  const moveUp = useFocusRequest<HTMLButtonElement>(message.id, 'move-up', locked || running || index <= 0);
  const moveDown = useFocusRequest<HTMLButtonElement>(message.id, 'move-down', locked || running || index < 0 || index >= count - 1);
  const item =
    'block w-full rounded px-2.5 py-1 text-left text-[12.5px] text-fg hover:bg-sunken focus:bg-sunken focus:outline-none disabled:opacity-40';

  return (
    <span className="ml-auto flex items-center gap-0.5 opacity-0 transition-opacity group-hover:opacity-100 focus-within:opacity-100 group-focus-within:opacity-100">
      {canContinue ? (
        <button
          type="button"
          disabled={running}
          title={continueTitle(continueMode)}
          onClick={() => void continueReply(message.conversationId, message.id)}
          className="mr-1 h-6 rounded-md border border-line px-2 text-[12px] text-fg hover:bg-sunken disabled:opacity-40"
        >
          Continue
        </button>
      ) : null}
      <IconButton
        ref={editButton}
        data-testid="edit-message-button"
        label={editing ? 'Close editor' : 'Edit message'}
        aria-pressed={editing}
        disabled={locked}
        onClick={() => (editing ? closeEditor(message.id) : openEditor(message))}
      >
        <PencilIcon />
      </IconButton>
      {isAssistant ? (
        <IconButton label="Regenerate" disabled={running} onClick={() => void regenerate(message.conversationId, message.id)}>
          <RefreshIcon />
        </IconButton>
      ) : null}
      <IconButton ref={moveUp} label="Move up" disabled={locked || running || index <= 0} onClick={() => void moveMessage(message, -1)}>
        ↑
      </IconButton>
      <IconButton
        ref={moveDown}
        label="Move down"
        disabled={locked || running || index < 0 || index >= count - 1}
        onClick={() => void moveMessage(message, 1)}
      >
        ↓
      </IconButton>
      <IconButton label="Copy text (markdown)" onClick={() => void copyToClipboard(messageText(message.content), 'Text')}>
        <CopyIcon />
      </IconButton>
      <IconButton label="Delete message" disabled={locked || running} onClick={() => void deleteMessage(message)}>
        <TrashIcon />
      </IconButton>
      <Menu
        label="More actions"
        button="⋯"
        buttonClassName="flex h-7 w-7 cursor-pointer items-center justify-center rounded-md text-muted hover:bg-sunken hover:text-fg focus-visible:outline-2 focus-visible:outline-accent"
        menuClassName="absolute right-0 z-20 mt-1 w-52 rounded-lg border border-line bg-panel p-1 shadow-lg"
      >
        <MenuItem className={item} disabled={running} onSelect={() => void addMessage(message.id)}>
          <span className="inline-flex items-center gap-1.5">
            <PlusIcon /> Insert message below
          </span>
        </MenuItem>
        <MenuItem className={item} disabled={running || locked} onSelect={() => void duplicateMessage(message)}>
          Duplicate
        </MenuItem>
        <MenuItem className={item} disabled={locked} onSelect={() => void setRole(message, nextRoleOf(message.role))}>
          Switch role to {nextRoleOf(message.role)}
        </MenuItem>
        <MenuItem className={item} onSelect={() => void copyToClipboard(asMarkdown(message), 'Markdown')}>
          Copy as markdown
        </MenuItem>
        <MenuItem className={item} onSelect={() => void import('./copy-rendered').then((m) => m.copyRendered(message))}>
          Copy rendered
        </MenuItem>
        <MenuItem className={item} disabled={locked} onSelect={onRaw}>
          Raw JSON of this message
        </MenuItem>
        {long || collapsed ? (
          <MenuItem className={item} onSelect={() => onCollapse(!collapsed)}>
            {collapsed ? 'Expand' : 'Collapse'}
          </MenuItem>
        ) : null}
      </Menu>
    </span>
  );
}

/** Keyboard shortcuts of a focused message (the handler sits on the message element). */
export function messageKeyDown(message: Message, running: boolean, e: React.KeyboardEvent): void {
  if (!e.altKey || e.ctrlKey || e.metaKey) return;
  const store = useEditorStore.getState();
  const act = (fn: () => void) => {
    e.preventDefault();
    e.stopPropagation();
    fn();
  };
  switch (e.code) {
    case 'ArrowUp':
      if (!running) act(() => void moveMessage(message, -1));
      break;
    case 'ArrowDown':
      if (!running) act(() => void moveMessage(message, 1));
      break;
    case 'KeyE':
      act(() => {
        if (store.editing[message.id]) {
          store.closeEditor(message.id);
          store.requestFocus(message.id, 'edit-button');
        } else store.openEditor(message);
      });
      break;
    case 'KeyR':
      act(() => {
        void setRole(message, nextRoleOf(message.role)).then(() => useEditorStore.getState().requestFocus(message.id, 'role-select'));
      });
      break;
    case 'KeyI':
      if (!running) act(() => void addMessage(message.id));
      break;
    case 'KeyD':
      if (!running) act(() => void duplicateMessage(message));
      break;
    case 'Backspace':
    case 'Delete':
      if (!running) act(() => void deleteMessage(message));
      break;
  }
}
