import type { GenerationDeps, Notifier } from './deps';

/**
 * What the app supplies from outside the base tier: how to tell the person something (toasts live
 * in the app's shell) and how to count replies (the meter's tokenizer). Set once by the
 * composition root (app/main.tsx) before the first run. A small module of its own: the first
 * screen's facade (runs.ts) notifies through it before the engine has loaded.
 */
export interface GenerationHooks {
  notify: Notifier;
  countReplies: GenerationDeps['countReplies'];
}

let hooks: GenerationHooks = {
  notify: (message, kind) => (kind === 'error' ? console.error(message) : console.info(message)),
  countReplies: async () => undefined,
};

export function provideGenerationHooks(next: GenerationHooks): void {
  hooks = next;
}

export function generationHooks(): GenerationHooks {
  return hooks;
}
