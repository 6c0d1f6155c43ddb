import type { GenerationDeps } from './deps';

/**
 * What the app supplies from a widget: how to count replies (the meter's tokenizer). Set once by
 * the composition root (app/main.tsx) before the first run.
 */
export interface GenerationHooks {
  countReplies: GenerationDeps['countReplies'];
}

let hooks: GenerationHooks = { countReplies: async () => undefined };

export function provideGenerationHooks(next: GenerationHooks): void {
  hooks = next;
}

export function generationHooks(): GenerationHooks {
  return hooks;
}
