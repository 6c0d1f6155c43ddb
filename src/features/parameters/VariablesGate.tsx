import { lazy, Suspense, useDeferredValue, useMemo } from 'react';
import type { Message } from '../../domain/types';
import { useComposerStore } from '../conversations/composer-store';

const VariablesPanel = lazy(() => import('./VariablesPanel').then((m) => ({ default: m.VariablesPanel })));

const mayHaveVariables = (text: string) => text.includes('{{');

/** The Variables panel, loaded once the conversation or the message being written has a `{{`. */
export function VariablesGate({ path }: { path: Message[] }) {
  const draft = useDeferredValue(useComposerStore((s) => s.text));
  const deferredPath = useDeferredValue(path);
  const inPath = useMemo(
    () => deferredPath.some((m) => m.content.some((p) => p.type === 'text' && mayHaveVariables(p.text))),
    [deferredPath],
  );
  if (!inPath && !mayHaveVariables(draft)) return null;
  return (
    <Suspense fallback={null}>
      <VariablesPanel path={path} />
    </Suspense>
  );
}
