/**
 * The editor's keyboard shortcuts, as data: listed in the editor's help popover and, through
 * registerShortcuts(), in the app's `?` dialog. Keys use the workspace notation ('Mod' = Ctrl/⌘).
 */
export const EDITOR_SHORTCUTS: { keys: string; action: string }[] = [
  { keys: 'Mod+Enter', action: 'Send the conversation (from the composer or any message editor)' },
  { keys: 'Esc', action: 'Stop the streaming reply; otherwise close the open message editor' },
  { keys: 'Alt+N', action: 'Add a message at the end' },
  { keys: 'Alt+R', action: 'Switch the role of the focused message (system → developer → user → assistant → tool)' },
  { keys: 'Alt+E', action: 'Edit the focused message / close its editor' },
  { keys: 'Alt+↑', action: 'Move the focused message up' },
  { keys: 'Alt+↓', action: 'Move the focused message down' },
  { keys: 'Alt+I', action: 'Insert a message below the focused one' },
  { keys: 'Alt+D', action: 'Duplicate the focused message' },
  { keys: 'Alt+Backspace', action: 'Delete the focused message' },
];
