import { useRef, useState } from 'react';
import { parseTools, TOOL_TEMPLATES } from '../../domain/params-parse';
import { toolsProblems } from '../../domain/params-rules';
import type { ToolDefinition } from '../../domain/types';
import { JsonParam } from './controls';
import { errorMessage } from '../../domain/errors';

const linkClass = 'text-[11.5px] text-accent hover:underline';

/** Function definitions as JSON (wire shape or bare functions), templates, and import from a file. */
export function ToolsEditor({ value, onChange }: { value: ToolDefinition[]; onChange: (v: ToolDefinition[]) => void }) {
  const file = useRef<HTMLInputElement>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const problems = toolsProblems(value);
  const onFile = async (f: File | undefined) => {
    if (!f) return;
    try {
      const parsed = parseTools(JSON.parse(await f.text()));
      if (!parsed.ok) return setImportError(parsed.error);
      onChange([...value, ...parsed.value]);
      setImportError(null);
    } catch (e) {
      setImportError(`${f.name} is not JSON: ${errorMessage(e)}`);
    }
  };
  return (
    <div className="space-y-1">
      <JsonParam
        name="tools"
        value={value}
        parse={parseTools}
        onChange={onChange}
        rows={6}
        placeholder='[{"type": "function", "function": {"name": "get_weather", "parameters": {…}}}]'
      />
      <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-[11.5px] text-faint">
        Add:
        {TOOL_TEMPLATES.map((t) => (
          <button
            key={t.id}
            type="button"
            className={linkClass}
            onClick={() => onChange([...value.filter((v) => v.function.name !== t.tool.function.name), structuredClone(t.tool)])}
          >
            {t.label}
          </button>
        ))}
        <button type="button" className={linkClass} onClick={() => file.current?.click()}>
          import JSON…
        </button>
        <input
          ref={file}
          type="file"
          accept="application/json,.json"
          data-testid="tools-import-input"
          className="hidden"
          onChange={(e) => void onFile(e.target.files?.[0]).finally(() => (e.target.value = ''))}
        />
      </div>
      {[...(importError ? [importError] : []), ...problems].map((p) => (
        <div key={p} className="text-[11px] text-warn">
          {p}
        </div>
      ))}
    </div>
  );
}
