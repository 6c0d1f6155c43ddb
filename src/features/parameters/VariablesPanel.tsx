import { useDeferredValue, useId, useMemo } from 'react';
import type { Message } from '../../domain/types';
import { variableNames, variablesOf } from '../../domain/variables';
import { useComposerStore } from '../conversations/composer-store';
import { useVariablesStore, useVariableValues } from '../conversations/variables-store';
import { useWorkspaceStore } from '../conversations/workspace-store';

/**
 * The values of the `{{variables}}` in the conversation and the message being written, for
 * ordinary sends. Shown only when there is a variable. A variable never given a value blocks the
 * send (an empty value is a value).
 */
export function VariablesPanel({ path }: { path: Message[] }) {
  const conversationId = useWorkspaceStore((s) => s.activeConversationId);
  const draft = useDeferredValue(useComposerStore((s) => s.text));
  const deferredPath = useDeferredValue(path);
  const names = useMemo(() => [...new Set([...variablesOf(deferredPath), ...variableNames(draft)])], [deferredPath, draft]);
  const values = useVariableValues(conversationId);
  const setValue = useVariablesStore((s) => s.setValue);
  const id = useId();
  if (names.length === 0) return null;
  const unset = names.filter((n) => !Object.hasOwn(values, n)).length;
  return (
    <section aria-label="Variables" className="border-t border-line pt-2">
      <h2 className="flex items-center gap-2 px-2 py-1 text-[12px] font-semibold uppercase tracking-wide text-muted">
        Variables
        <span className="ml-auto font-mono text-[10.5px] font-normal normal-case text-faint">
          {unset > 0 ? <span className="text-danger">{unset} without a value</span> : `${names.length} set`}
        </span>
      </h2>
      <div className="space-y-1.5 px-2 pt-1">
        {names.map((name) => {
          const has = Object.hasOwn(values, name);
          return (
            <div key={name} className="grid grid-cols-[minmax(5rem,auto)_1fr] items-start gap-2">
              <label htmlFor={`${id}-${name}`} className="truncate pt-1 font-mono text-[11.5px] text-accent" title={`{{${name}}}`}>
                {`{{${name}}}`}
              </label>
              <textarea
                id={`${id}-${name}`}
                data-testid="variable-input"
                data-name={name}
                rows={1}
                value={has ? values[name] : ''}
                placeholder="no value"
                aria-invalid={!has}
                onChange={(e) => setValue(conversationId, name, e.target.value)}
                className={`block min-h-7 w-full resize-y rounded-md border bg-raised px-2 py-1 text-[12.5px] leading-snug placeholder:text-danger/70 focus:outline-2 focus:outline-offset-[-1px] focus:outline-accent ${has ? 'border-line' : 'border-danger/50'}`}
              />
            </div>
          );
        })}
      </div>
    </section>
  );
}
