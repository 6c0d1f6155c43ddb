import { Suspense, useState } from 'react';
import type { Message, ToolCall } from '../../domain/types';
import { LazyToolArgumentsCheck } from './lazy-checks';

/** One tool call: name, id, the exact arguments (or pretty JSON), and their check against the tool's parameters. */
export default function ToolCallView({ call, requested }: { call: ToolCall; requested: Message['requestedOutput'] }) {
  const [pretty, setPretty] = useState(false);
  let formatted: string | null = null;
  try {
    formatted = JSON.stringify(JSON.parse(call.arguments), null, 2);
  } catch {
    formatted = null; // not valid JSON (yet): only the exact text can be shown
  }
  return (
    <div data-testid="tool-call" data-tool-call-id={call.id} data-tool-name={call.name} className="rounded-lg border border-line bg-sunken">
      <div className="flex items-center gap-2 border-b border-line px-3 py-1.5 text-[12px]">
        <span className="font-semibold text-fg">ƒ {call.name || '(no name)'}</span>
        <span className="font-mono text-faint">{call.id}</span>
        {formatted !== null ? (
          <button type="button" className="ml-auto text-faint hover:text-fg" aria-pressed={pretty} onClick={() => setPretty(!pretty)}>
            {pretty ? 'Exact' : 'Pretty'}
          </button>
        ) : (
          <span className="ml-auto text-warn">arguments are not valid JSON</span>
        )}
      </div>
      <pre className="overflow-x-auto whitespace-pre-wrap break-all px-3 py-2 font-mono text-[12px]">
        {pretty && formatted !== null ? <code>{formatted}</code> : <code data-testid="tool-call-arguments">{call.arguments}</code>}
      </pre>
      {requested ? (
        <Suspense fallback={null}>
          <LazyToolArgumentsCheck requestedOutput={requested} call={call} />
        </Suspense>
      ) : null}
    </div>
  );
}
