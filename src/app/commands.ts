// The actions that exist today, registered once at startup. Features add their own with
// registerCommands()/registerShortcuts() from src/features/workspace.
import type { ConversationId } from '../domain/types';
import { useComposerStore } from '../features/conversations/composer-store';
import { useLiveRuns } from '../features/generation/live-run-store';
import { sendConversation, stopRun } from '../features/generation/runs';
import { useWorkspaceStore } from '../features/conversations/workspace-store';
import { flushEdits } from '../features/editor/pending-writes';
import { registerCommands } from '../lib/commands/commands';
import { togglePane, useLayoutStore } from '../features/workspace/layout-store';

/** Focuses the message box with the caret after its text, so Ctrl/⌘+Enter sends what is there. */
export function focusComposer(): void {
  const layout = useLayoutStore.getState();
  if (layout.drawer) layout.setDrawer(null);
  // The drawer unmounting (or the text just set rendering) may move focus back; focus after it settled.
  requestAnimationFrame(() => {
    const box = document.querySelector<HTMLTextAreaElement>('[data-testid="composer-input"]');
    if (!box) return;
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
  });
}

function activeRunning(): ConversationId | null {
  const id = useWorkspaceStore.getState().activeConversationId;
  return id && useLiveRuns.getState().runs[id] ? id : null;
}

export function registerAppCommands(): void {
  const layout = () => useLayoutStore.getState();
  registerCommands([
    {
      id: 'palette.open',
      title: 'Open the command palette',
      group: 'General',
      shortcut: 'Mod+K',
      inPalette: false,
      run: () => layout().setPaletteOpen(!layout().paletteOpen),
    },
    {
      id: 'shortcuts.show',
      title: 'Show keyboard shortcuts',
      group: 'General',
      shortcut: '?',
      keywords: ['keys', 'help'],
      run: () => layout().setShortcutsOpen(true),
    },
    {
      id: 'conversation.new',
      title: 'New conversation',
      group: 'Conversation',
      shortcut: 'Mod+Shift+O',
      keywords: ['start', 'create', 'chat'],
      run: () => {
        useWorkspaceStore.getState().open(null);
        focusComposer();
      },
    },
    {
      id: 'chat.send',
      title: 'Send the conversation',
      group: 'Conversation',
      keywords: ['submit', 'request'],
      enabled: () => activeRunning() === null,
      run: () => {
        const { text, setText, parts, setParts } = useComposerStore.getState();
        setText('');
        setParts([]);
        // Message edits are written as typed; attachments go with the text.
        void flushEdits().then(() => sendConversation(text, parts));
      },
    },
    {
      id: 'chat.stop',
      title: 'Stop the reply',
      group: 'Conversation',
      keywords: ['abort', 'cancel'],
      enabled: () => activeRunning() !== null,
      run: () => {
        const id = activeRunning();
        if (id) stopRun(id);
      },
    },
    {
      id: 'composer.focus',
      title: 'Focus the message box',
      group: 'Conversation',
      shortcut: '/',
      keywords: ['compose', 'write'],
      run: focusComposer,
    },
    {
      id: 'layout.library',
      title: 'Show or hide the library',
      group: 'View',
      shortcut: 'Mod+B',
      keywords: ['sidebar', 'conversations', 'pane'],
      run: () => togglePane('library'),
    },
    {
      id: 'layout.params',
      title: 'Show or hide settings',
      group: 'View',
      shortcut: 'Mod+Alt+B',
      keywords: ['parameters', 'endpoint', 'pane'],
      run: () => togglePane('params'),
    },
    { id: 'theme.light', title: 'Theme: light', group: 'View', keywords: ['appearance', 'colour'], run: () => layout().setTheme('light') },
    {
      id: 'theme.dark',
      title: 'Theme: dark',
      group: 'View',
      keywords: ['appearance', 'colour', 'night'],
      run: () => layout().setTheme('dark'),
    },
    {
      id: 'theme.system',
      title: 'Theme: follow the system',
      group: 'View',
      keywords: ['appearance', 'colour', 'auto'],
      run: () => layout().setTheme('system'),
    },
    {
      id: 'welcome.show',
      title: 'Show the welcome and provider presets',
      group: 'Help',
      keywords: ['first run', 'providers', 'openai', 'ollama'],
      run: () => {
        // The welcome lives in the empty conversation.
        useWorkspaceStore.getState().open(null);
        layout().setWelcomed(false);
      },
    },
  ]);
}
