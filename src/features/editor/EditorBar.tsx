import { Suspense, useEffect, useMemo, useState } from 'react';
import { Button } from '../../components/ui/Button';
import { AlertIcon, PlusIcon } from '../../components/ui/icons';
import { Popover } from '../../components/ui/Popover';
import { checkConversation } from '../../domain/conversation-checks';
import { pendingToolCalls } from '../../domain/conversation-edits';
import type { ConversationId, Message } from '../../domain/types';
import { stopRun } from '../generation/runs';
import { addMessage } from './editor-actions';
import { LazyConversationRawJson } from './lazy';
import { sendFromEditor } from './send';
import { EDITOR_SHORTCUTS } from './shortcuts';
import { useToolResultSlots } from './tool-round-trip';
import { useFocusRequest } from './use-focus-request';
import { registerCommands } from '../../lib/commands/commands';
import { keyLabels, registerShortcuts } from '../../lib/commands/shortcuts';

interface Props {
  conversationId: ConversationId | null;
  path: Message[];
  model: string;
  running: boolean;
}

/** Under the conversation: add a message, the raw JSON of all messages, checks, tool results. */
export function EditorBar({ conversationId, path, model, running }: Props) {
  const [raw, setRaw] = useState(false);
  const addButton = useFocusRequest<HTMLButtonElement>(null, 'add-message', running);
  const warnings = useMemo(() => checkConversation(path, model), [path, model]);
  const toolResults =
    path.length > 0 && path.at(-1)!.role === 'tool' && pendingToolCalls(path).length === 0
      ? path.filter((m, i) => m.role === 'tool' && i > path.findLastIndex((x) => x.role !== 'tool'))
      : [];
  useToolResultSlots(path, running);

  useEffect(() => {
    // Alt+N is a command (palette + the app's one key listener); the rest act on the focused message.
    const offCommands = registerCommands([
      {
        id: 'message.add',
        title: 'Add a message at the end',
        group: 'Conversation',
        shortcut: 'Alt+N',
        keywords: ['insert', 'new message', 'editor'],
        run: () => void addMessage(),
      },
    ]);
    const offKeys = registerShortcuts(
      'Message editor',
      EDITOR_SHORTCUTS.filter((s) => s.keys !== 'Alt+N').map((s) => ({ keys: s.keys, description: s.action })),
    );
    return () => {
      offCommands();
      offKeys();
    };
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      if (e.key === 'Escape' && running && conversationId) {
        e.preventDefault();
        stopRun(conversationId);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [running, conversationId]);

  return (
    <div className="px-4">
      <div className="mx-auto max-w-3xl space-y-1.5 pb-2">
        {toolResults.length > 0 && !running ? (
          <div
            role="status"
            className="flex items-center gap-2 rounded-lg border border-accent/40 bg-accent-soft px-3 py-1.5 text-[12.5px]"
          >
            <span className="flex-1">
              {toolResults.some((m) => m.content.every((p) => p.type === 'text' && p.text.trim() === ''))
                ? `Fill in the tool result${toolResults.length > 1 ? 's' : ''} above, then send ${toolResults.length > 1 ? 'them' : 'it'} back.`
                : `${toolResults.length} tool result${toolResults.length > 1 ? 's' : ''} ready to send back.`}
            </span>
            <Button variant="primary" className="h-7" data-testid="send-tool-results-button" onClick={() => void sendFromEditor()}>
              Send results
            </Button>
          </div>
        ) : null}
        {warnings.length > 0 ? (
          <details
            data-testid="conversation-warnings"
            className="rounded-lg border border-warn/40 bg-warn-soft px-3 py-1.5 text-[12px] text-warn"
          >
            <summary className="flex cursor-pointer items-center gap-1.5 font-medium">
              <AlertIcon /> {warnings.length} check{warnings.length > 1 ? 's' : ''} before sending: {warnings[0]!.message}
            </summary>
            <ul className="mt-1 list-disc space-y-0.5 pl-6">
              {warnings.map((w) => (
                <li key={w.message} data-testid="conversation-warning">
                  {w.message}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        {raw ? (
          <div className="rounded-lg border border-line bg-panel p-2">
            <div className="mb-1.5 text-[12px] font-semibold text-muted">
              messages — edit, or paste a messages array or a whole request body
            </div>
            <Suspense fallback={null}>
              <LazyConversationRawJson path={path} onClose={() => setRaw(false)} />
            </Suspense>
          </div>
        ) : null}
        <div className="flex items-center gap-1">
          <Button
            ref={addButton}
            variant="ghost"
            className="h-7 text-[12.5px]"
            data-testid="add-message-button"
            disabled={running}
            onClick={() => void addMessage()}
            title="Add a message at the end (Alt+N)"
          >
            <PlusIcon /> Add message
          </Button>
          <Button
            variant="ghost"
            className="h-7 text-[12.5px]"
            data-testid="raw-json-button"
            aria-expanded={raw}
            onClick={() => setRaw(!raw)}
          >
            {'{ }'} Raw JSON
          </Button>
          <ShortcutsHelp />
        </div>
      </div>
    </div>
  );
}

function ShortcutsHelp() {
  return (
    <Popover
      className="relative ml-auto"
      label="Editor shortcuts"
      button="⌨ Shortcuts"
      buttonLabel="Editor keyboard shortcuts"
      buttonClassName="flex h-7 cursor-pointer items-center rounded-md px-2 text-[12px] text-faint hover:bg-sunken hover:text-fg"
      panelClassName="absolute right-0 bottom-8 z-30 w-96 rounded-lg border border-line bg-panel p-2 shadow-lg"
    >
      <table className="w-full text-[12px]">
        <tbody>
          {EDITOR_SHORTCUTS.map((s) => (
            <tr key={s.keys} className="align-top">
              <td className="whitespace-nowrap py-0.5 pr-3">
                {keyLabels(s.keys).map((k) => (
                  <kbd key={k} className="mr-0.5 rounded border border-line bg-sunken px-1 font-mono text-[11px]">
                    {k}
                  </kbd>
                ))}
              </td>
              <td className="py-0.5 text-muted">{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Popover>
  );
}
