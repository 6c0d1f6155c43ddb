import { useState } from 'react';
import { IconButton } from '../../components/ui/Button';
import { inputClass } from '../../components/ui/Field';
import { PlusIcon, TrashIcon } from '../../components/ui/icons';
import type { Message, ToolCall } from '../../domain/types';
import { newId } from '../../domain/ids';
import { AutoTextarea } from './AutoTextarea';
import { edit } from './editor-actions';
import { errorMessage } from '../../domain/errors';

function jsonError(text: string): string | null {
  if (text.trim() === '') return null;
  try {
    JSON.parse(text);
    return null;
  } catch (e) {
    return errorMessage(e);
  }
}

/** Add, edit and remove the tool calls of an assistant message. */
export function ToolCallsEditor({ message }: { message: Message }) {
  const calls = message.toolCalls ?? [];
  // Bumped when a call is added or removed, so uncontrolled argument boxes remount in place.
  const [generation, setGeneration] = useState(0);
  const change = (index: number, patch: Partial<ToolCall>) =>
    edit(message.id, (m) => ({ ...m, toolCalls: (m.toolCalls ?? []).map((c, i) => (i === index ? { ...c, ...patch } : c)) }));
  return (
    <div className="space-y-2" role="group" aria-label="Tool calls">
      {calls.map((call, i) => (
        <ToolCallRow
          key={`${generation}-${i}`}
          call={call}
          index={i}
          onChange={(p) => change(i, p)}
          onRemove={() => {
            edit(message.id, (m) => ({ ...m, toolCalls: (m.toolCalls ?? []).filter((_, j) => j !== i) }));
            setGeneration((g) => g + 1);
          }}
        />
      ))}
      <button
        type="button"
        className="inline-flex items-center gap-1 rounded-md px-2 py-1 text-[12px] text-muted hover:bg-sunken hover:text-fg"
        onClick={() => {
          const call: ToolCall = { id: `call_${newId().replace(/-/g, '').slice(0, 24)}`, name: '', arguments: '{}' };
          edit(message.id, (m) => ({ ...m, toolCalls: [...(m.toolCalls ?? []), call] }));
          setGeneration((g) => g + 1);
        }}
      >
        <PlusIcon /> Add tool call
      </button>
    </div>
  );
}

function ToolCallRow({
  call,
  index,
  onChange,
  onRemove,
}: {
  call: ToolCall;
  index: number;
  onChange: (p: Partial<ToolCall>) => void;
  onRemove: () => void;
}) {
  const [args, setArgs] = useState(call.arguments);
  const [key, setKey] = useState(0);
  const error = jsonError(args);
  const setArguments = (text: string) => {
    setArgs(text);
    onChange({ arguments: text });
  };
  return (
    <div data-testid="tool-call-editor" className="space-y-1.5 rounded-lg border border-line bg-sunken p-2">
      <div className="flex items-center gap-2">
        <span className="text-[12px] font-semibold text-muted">ƒ</span>
        <input
          aria-label={`Tool call ${index + 1} function name`}
          placeholder="function name"
          defaultValue={call.name}
          onChange={(e) => onChange({ name: e.target.value })}
          className={`${inputClass} h-7 flex-1 font-mono text-[12px]`}
        />
        <input
          aria-label={`Tool call ${index + 1} id`}
          placeholder="call id"
          defaultValue={call.id}
          onChange={(e) => onChange({ id: e.target.value })}
          className={`${inputClass} h-7 w-56 font-mono text-[12px]`}
        />
        <IconButton label={`Remove tool call ${index + 1}`} onClick={onRemove}>
          <TrashIcon />
        </IconButton>
      </div>
      <AutoTextarea
        key={key}
        aria-label={`Tool call ${index + 1} arguments`}
        aria-invalid={error !== null}
        initial={args}
        onText={setArguments}
        spellCheck={false}
        className="font-mono text-[12px]"
      />
      <div className="flex items-center gap-2 text-[11.5px]">
        {error ? (
          <span role="status" className="text-danger">
            Invalid JSON: {error}
          </span>
        ) : (
          <span className="text-faint">valid JSON</span>
        )}
        <button
          type="button"
          disabled={error !== null || args.trim() === ''}
          className="ml-auto rounded px-1.5 py-0.5 text-muted hover:bg-raised hover:text-fg disabled:opacity-40"
          onClick={() => {
            const pretty = JSON.stringify(JSON.parse(args), null, 2);
            setArguments(pretty);
            setKey((k) => k + 1);
          }}
        >
          Format JSON
        </button>
      </div>
    </div>
  );
}
