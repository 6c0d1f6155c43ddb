import { useEffect } from 'react';
import { useCommandStore } from '../../lib/commands/commands';
import { matchesShortcut } from '../../lib/commands/shortcuts';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/**
 * One keydown listener for every registered command shortcut. Bare keys ('?', '/') only count
 * when the person is not typing; while a modal is open only shortcuts with a modifier act
 * (non-modal popovers, like the editor's shortcut list, do not count).
 */
export function useGlobalKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const bare = !e.ctrlKey && !e.metaKey && !e.altKey;
      if (bare && (isTyping(e.target) || document.querySelector('dialog[open], [role="dialog"][aria-modal="true"]:not([hidden])'))) return;
      for (const command of Object.values(useCommandStore.getState().commands)) {
        if (!command.shortcut || !matchesShortcut(e, command.shortcut)) continue;
        if (command.enabled && !command.enabled()) continue;
        e.preventDefault();
        command.run();
        return;
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
