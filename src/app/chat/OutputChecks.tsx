import { useEffect, useMemo, useState } from 'react';
import type { OutputCheck, RequestedFormat, RequestedTool } from '../../domain/structured-output';
import { storedRequestedOutput } from '../../domain/structured-output';
import type { Message } from '../../domain/types';
import type * as CheckOutput from '../../lib/json-schema/check-output';

type Checker = typeof CheckOutput;

// The validator is loaded on first use only: most replies are not structured output.
let checker: Checker | null = null;
let loading: Promise<Checker> | null = null;

function useChecker(wanted: boolean): Checker | 'failed' | null {
  const [loaded, setLoaded] = useState<Checker | 'failed' | null>(checker);
  useEffect(() => {
    if (!wanted || loaded !== null) return;
    let live = true;
    loading ??= import('../../lib/json-schema/check-output').then((m) => (checker = m));
    loading.then(
      (m) => live && setLoaded(m),
      () => {
        loading = null; // offline or a stale deploy: the next reply tries again
        if (live) setLoaded('failed');
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, loaded]);
  return loaded;
}

/** The request's `response_format` and tools as stored on the reply (rows are not validated on read). */
export function useRequestedOutput(message: Message) {
  return useMemo(() => storedRequestedOutput(message.requestedOutput), [message.requestedOutput]);
}

/** On a finished reply to a JSON mode or Structured Outputs request: does the text match what was asked? */
export function ReplySchemaCheck({ format, text }: { format: RequestedFormat; text: string }) {
  const loaded = useChecker(true);
  const result = useMemo(() => (loaded && loaded !== 'failed' ? loaded.checkReply(text, format) : null), [loaded, text, format]);
  const what = format.type === 'json_schema' ? `schema ${format.name ? `“${format.name}”` : ''}`.trim() : 'JSON mode';
  if (loaded === 'failed') return <p className="mt-2 text-[12px] text-faint">The schema checker could not be loaded.</p>;
  if (!result) return null;
  return (
    <CheckResult
      testId="schema-check"
      result={result}
      passed={format.type === 'json_schema' ? `Matches the ${what}` : 'A JSON object, as JSON mode asked'}
      failed={`Does not match the ${what}`}
    />
  );
}

/** On a tool call: do its arguments match the `parameters` schema of the tool the request offered? */
export function ToolArgumentsCheck({ name, args, tools }: { name: string; args: string; tools: readonly RequestedTool[] }) {
  const loaded = useChecker(true);
  const result = useMemo(
    () => (loaded && loaded !== 'failed' ? loaded.checkToolArguments(name, args, tools) : null),
    [loaded, name, args, tools],
  );
  if (!result) return null;
  return (
    <CheckResult
      testId="tool-call-check"
      result={result}
      passed="Arguments match the tool’s parameters"
      failed="Arguments do not match the tool’s parameters"
      compact
    />
  );
}

function CheckResult({
  testId,
  result,
  passed,
  failed,
  compact = false,
}: {
  testId: string;
  result: OutputCheck;
  passed: string;
  failed: string;
  compact?: boolean;
}) {
  const valid = result.kind === 'valid';
  const unusable = result.kind === 'unusable-schema';
  const tone = valid ? 'border-ok/30 text-ok' : unusable ? 'border-line text-faint' : 'border-danger/30 text-danger';
  const count = result.kind === 'invalid' ? result.violations.length : 1;
  const title = valid
    ? passed
    : unusable
      ? 'Not checked'
      : `${failed}${result.kind === 'invalid' ? ` · ${count} problem${count === 1 ? '' : 's'}` : ''}`;
  return (
    <section
      data-testid={testId}
      data-valid={unusable ? undefined : String(valid)}
      aria-label={title}
      className={`${compact ? 'mx-3 mb-2' : 'mt-2'} rounded-md border ${tone} px-3 py-1.5 text-[12px]`}
    >
      <div className="flex items-center gap-1.5 font-medium">
        <span aria-hidden="true">{valid ? '✓' : unusable ? '–' : '✗'}</span>
        {title}
      </div>
      {result.kind === 'invalid' ? (
        <ul className="mt-1 space-y-0.5 text-fg">
          {result.violations.map((v, i) => (
            <li key={i} data-testid="schema-violation" className="flex gap-2">
              <code className="shrink-0 font-mono text-danger">{v.path}</code>
              <span>{v.message}</span>
            </li>
          ))}
        </ul>
      ) : result.kind === 'not-json' || result.kind === 'unusable-schema' ? (
        <p className="mt-0.5 text-fg">{result.message}</p>
      ) : null}
    </section>
  );
}
