import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo } from 'react';
import type { Message, RequestParams } from '../../domain/types';
import { modelRuleWarnings } from '../../domain/params-rules';
import { loadRequestValidator } from '../../lib/openai/request-validator';
import { useModelFacts, useProviderRules } from '../endpoints/model-catalog';
import { useActiveEndpoint } from '../endpoints/endpoints-store';
import { useComposerStore } from '../conversations/composer-store';
import { previewNextRequest } from '../conversations/next-request';
import { useVariableValues } from '../conversations/variables-store';
import { useWorkspaceStore } from '../conversations/workspace-store';
import { missingVariablesMessage } from '../../domain/variables';
import { textSize, useSettled } from './use-settled';

/**
 * Above this much text, the preview follows the draft and the conversation once they pause: laying
 * out a body this large again on every keystroke or streamed chunk (100,000 tokens: half a megabyte
 * of JSON, 100 ms and more) made typing lag (e2e/meter.spec.ts).
 */
const SETTLE_ABOVE_CHARS = 100_000;

/** The exact JSON body the next request will send (binary parts shown as placeholders). */
export function RequestPreviewBody({ path, params }: { path: Message[]; params: RequestParams }) {
  const big = useMemo(() => textSize(path) > SETTLE_ABOVE_CHARS, [path]);
  const draft = useDeferredValue(
    useSettled(
      useComposerStore((s) => s.text),
      big,
    ),
  );
  const deferredPath = useDeferredValue(useSettled(path, big));
  const { splitN } = useActiveEndpoint();
  // A profile that splits n sends `n` single-choice requests of the same body, without n (see startRequests).
  const split = splitN === true && params.enabled.n && Math.floor(params.values.n) > 1 ? Math.floor(params.values.n) : null;
  const rules = useProviderRules(params.model);
  const values = useDeferredValue(useVariableValues(useWorkspaceStore((s) => s.activeConversationId)));
  const result = useMemo(
    () => previewNextRequest(deferredPath, split ? { ...params, enabled: { ...params.enabled, n: false } } : params, draft, rules, values),
    [deferredPath, draft, params, rules, split, values],
  );
  const facts = useModelFacts(params.model).facts;
  const validate = useQuery({ queryKey: ['request-validator'], queryFn: loadRequestValidator, staleTime: Infinity, gcTime: Infinity }).data;
  const warnings = useMemo(() => {
    if (!result.ok) return [];
    const text = JSON.stringify(result.body.messages);
    // An empty conversation is only "nothing typed yet", not a schema problem worth a warning.
    const schema = validate && result.body.messages.length > 0 ? validate(result.body).map((p) => `Schema: ${p}`) : [];
    // A variable without a value is left as written here; the send itself refuses it.
    const missing = result.missing.length > 0 ? [missingVariablesMessage(result.missing)] : [];
    return [...new Set([...missing, ...schema, ...modelRuleWarnings(params, facts, text, rules.outputLimit), ...result.warnings])];
  }, [result, validate, params, facts, rules]);

  return result.ok ? (
    <>
      {warnings.map((w) => (
        <div key={w} data-testid="request-warning" className="mx-2 mb-1 rounded bg-warn-soft px-2 py-1 text-[11px] text-warn">
          {w}
        </div>
      ))}
      {split ? (
        <div data-testid="request-split-note" className="mx-2 mb-1 rounded bg-sunken px-2 py-1 text-[11px] text-muted">
          Sent as {split} parallel requests of this body, without <code className="font-mono">n</code> (this profile splits n).
        </div>
      ) : null}
      <pre
        data-testid="request-preview"
        tabIndex={0}
        aria-label="Request body"
        className="mx-2 max-h-96 overflow-auto rounded-md border border-line bg-sunken p-2 font-mono text-[11px] leading-snug"
      >
        {JSON.stringify(result.body, null, 2)}
      </pre>
    </>
  ) : (
    <div data-testid="request-preview" className="mx-2 rounded-md border border-danger/40 bg-danger-soft p-2 text-[12px] text-danger">
      {result.error.message}
    </div>
  );
}
