import { create } from 'zustand';

/**
 * Keyboard shortcuts the shortcuts dialog lists, by section. Commands with a `shortcut` appear
 * there on their own; features whose keys act inside their own widgets (the composer, the message
 * editor) register them here, e.g. registerShortcuts('Editor', [{ keys: 'Mod+Enter', description: 'Save' }]).
 */
export interface ShortcutInfo {
  keys: string;
  description: string;
}

export const useShortcutStore = create<{ sections: Record<string, ShortcutInfo[]> }>()(() => ({ sections: {} }));

export function registerShortcuts(section: string, shortcuts: ShortcutInfo[]): () => void {
  useShortcutStore.setState((s) => ({ sections: { ...s.sections, [section]: shortcuts } }));
  return () =>
    useShortcutStore.setState((s) => {
      if (s.sections[section] !== shortcuts) return s;
      const { [section]: _gone, ...rest } = s.sections;
      return { sections: rest };
    });
}

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** 'Mod+Shift+K' → ['Ctrl', 'Shift', 'K'] (or ['⌘', '⇧', 'K'] on a Mac). */
export function keyLabels(keys: string): string[] {
  return keys.split('+').map((k) => {
    if (k === 'Mod') return isMac ? '⌘' : 'Ctrl';
    if (k === 'Alt') return isMac ? '⌥' : 'Alt';
    if (k === 'Shift') return isMac ? '⇧' : 'Shift';
    return k;
  });
}

/** Whether a keyboard event matches a shortcut like 'Mod+Shift+O', 'Mod+Alt+B' or '?'. */
export function matchesShortcut(
  e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
  keys: string,
  mac = isMac,
): boolean {
  const parts = keys.split('+');
  const key = parts[parts.length - 1] ?? '';
  const modDown = mac ? e.metaKey : e.ctrlKey;
  const otherDown = mac ? e.ctrlKey : e.metaKey;
  if (parts.includes('Mod') !== modDown || otherDown || parts.includes('Alt') !== e.altKey) return false;
  // Letters compare the physical key (Alt changes e.key on a Mac) and check Shift;
  // symbols like '?' already imply Shift on most layouts, so only e.key counts for them.
  if (/^[a-z]$/i.test(key)) return parts.includes('Shift') === e.shiftKey && e.code === `Key${key.toUpperCase()}`;
  return e.key === key;
}
