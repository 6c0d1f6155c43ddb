import { describe, expect, it } from 'vitest';
import { registerCommands, runCommand, useCommandStore } from '../../lib/commands/commands';
import { matchesShortcut, registerShortcuts, useShortcutStore } from '../../lib/commands/shortcuts';
import { resolveTheme } from './theme';

const key = (over: Partial<KeyboardEvent>) => ({
  key: '',
  code: '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...over,
});

describe('matchesShortcut', () => {
  it('maps Mod to Ctrl elsewhere and to ⌘ on a Mac', () => {
    expect(matchesShortcut(key({ key: 'k', code: 'KeyK', ctrlKey: true }), 'Mod+K', false)).toBe(true);
    expect(matchesShortcut(key({ key: 'k', code: 'KeyK', metaKey: true }), 'Mod+K', false)).toBe(false);
    expect(matchesShortcut(key({ key: 'k', code: 'KeyK', metaKey: true }), 'Mod+K', true)).toBe(true);
  });
  it('requires exactly the listed modifiers', () => {
    expect(matchesShortcut(key({ key: 'K', code: 'KeyK', ctrlKey: true, shiftKey: true }), 'Mod+K', false)).toBe(false);
    expect(matchesShortcut(key({ key: 'O', code: 'KeyO', ctrlKey: true, shiftKey: true }), 'Mod+Shift+O', false)).toBe(true);
    expect(matchesShortcut(key({ key: '∫', code: 'KeyB', metaKey: true, altKey: true }), 'Mod+Alt+B', true)).toBe(true);
    expect(matchesShortcut(key({ key: 'b', code: 'KeyB', ctrlKey: true }), 'Mod+Alt+B', false)).toBe(false);
  });
  it('matches symbols by the character typed', () => {
    expect(matchesShortcut(key({ key: '?', code: 'Slash', shiftKey: true }), '?', false)).toBe(true);
    expect(matchesShortcut(key({ key: '/', code: 'Slash' }), '?', false)).toBe(false);
  });
});

describe('command registry', () => {
  it('runs a registered command unless disabled, and unregisters it', () => {
    let ran = 0;
    let enabled = true;
    const off = registerCommands([{ id: 't.x', title: 'X', group: 'Test', run: () => ran++, enabled: () => enabled }]);
    expect(runCommand('t.x')).toBe(true);
    enabled = false;
    expect(runCommand('t.x')).toBe(false);
    expect(ran).toBe(1);
    off();
    expect(useCommandStore.getState().commands['t.x']).toBeUndefined();
    expect(runCommand('t.x')).toBe(false);
  });
  it('keeps shortcut sections per feature', () => {
    const off = registerShortcuts('Editor', [{ keys: 'Mod+Enter', description: 'Save the message' }]);
    expect(useShortcutStore.getState().sections['Editor']).toHaveLength(1);
    off();
    expect(useShortcutStore.getState().sections['Editor']).toBeUndefined();
  });
});

describe('resolveTheme', () => {
  it('follows the system only when asked to', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});
