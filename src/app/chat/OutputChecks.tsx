// Loaded on demand (see lazy-checks.ts) with the validator: most replies are not structured output.
import { useMemo } from 'react';
import { storedRequestedOutput } from '../../domain/structured-output';
import type { OutputCheck } from '../../domain/structured-output';
import type { Message, ToolCall } from '../../domain/types';
import { checkReply, checkToolArguments } from '../../lib/json-schema/check-output';

/** On a finished reply to a JSON mode or Structured Outputs request: does the text match what was asked? */
export function ReplySchemaCheck({ requestedOutput, text }: { requestedOutput: Message['requestedOutput']; text: string }) {
  // Read back defensively: IndexedDB rows are not validated on read.
  const format = useMemo(() => storedRequestedOutput(requestedOutput)?.format, [requestedOutput]);
  const result = useMemo(() => (format ? checkReply(text, format) : null), [text, format]);
  if (!format || !result) return null;
  const what = format.type === 'json_schema' ? `schema${format.name ? ` “${format.name}”` : ''}` : 'JSON mode';
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
export function ToolArgumentsCheck({ requestedOutput, call }: { requestedOutput: Message['requestedOutput']; call: ToolCall }) {
  const tools = useMemo(() => storedRequestedOutput(requestedOutput)?.tools, [requestedOutput]);
  const result = useMemo(() => (tools ? checkToolArguments(call.name, call.arguments, tools) : null), [tools, call.name, call.arguments]);
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
