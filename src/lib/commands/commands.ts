import { create } from 'zustand';

/**
 * Actions as data: every feature registers what a person can do, and the command palette,
 * the shortcuts dialog and the global key handler read the same list.
 */
export interface Command {
  id: string;
  title: string;
  /** Heading the palette groups it under. */
  group: string;
  /** Shown in the palette and the shortcuts dialog, e.g. 'Mod+K' (Mod = Ctrl, or ⌘ on a Mac). */
  shortcut?: string;
  /** Extra words the palette matches on. */
  keywords?: string[];
  /** Hidden from the palette while this returns false (e.g. Stop when nothing streams). */
  enabled?: () => boolean;
  /** False for commands that make no sense as a palette entry (opening the palette itself). */
  inPalette?: boolean;
  run: () => void;
}

interface CommandState {
  commands: Record<string, Command>;
}

export const useCommandStore = create<CommandState>()(() => ({ commands: {} }));

/** Adds or replaces commands; returns a function that removes them again. */
export function registerCommands(commands: Command[]): () => void {
  useCommandStore.setState((s) => ({ commands: { ...s.commands, ...Object.fromEntries(commands.map((c) => [c.id, c])) } }));
  return () =>
    useCommandStore.setState((s) => {
      const next = { ...s.commands };
      for (const c of commands) if (next[c.id] === c) delete next[c.id];
      return { commands: next };
    });
}

export function runCommand(id: string): boolean {
  const command = useCommandStore.getState().commands[id];
  if (!command || (command.enabled && !command.enabled())) return false;
  command.run();
  return true;
}
