import { useState } from 'react';

const input = 'h-7 min-w-0 flex-1 rounded-md border border-line bg-raised px-2 font-mono text-[11.5px]';

/** Extra headers sent with every request to this endpoint (OpenAI-Organization, HTTP-Referer, …). */
export function HeadersEditor({
  headers,
  suggestions,
  onChange,
}: {
  headers: Record<string, string>;
  suggestions: string[];
  onChange: (h: Record<string, string>) => void;
}) {
  const entries = Object.entries(headers);
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const add = (n: string, val: string) => {
    if (n.trim() === '') return;
    onChange({ ...headers, [n.trim()]: val });
    setName('');
    setValue('');
  };
  const missing = suggestions.filter((s) => !(s in headers));
  return (
    <div className="space-y-1">
      {entries.map(([k, val]) => (
        <div key={k} className="flex items-center gap-1">
          <code className="w-32 shrink-0 truncate font-mono text-[11.5px] text-muted" title={k}>
            {k}
          </code>
          <input
            aria-label={`Value of header ${k}`}
            value={val}
            spellCheck={false}
            onChange={(e) => onChange({ ...headers, [k]: e.target.value })}
            className={input}
          />
          <button
            type="button"
            aria-label={`Remove header ${k}`}
            onClick={() => {
              const { [k]: _gone, ...rest } = headers;
              onChange(rest);
            }}
            className="h-7 w-6 shrink-0 text-faint hover:text-danger"
          >
            ×
          </button>
        </div>
      ))}
      <div className="flex items-center gap-1">
        <input
          aria-label="Header name"
          data-testid="endpoint-header-name"
          placeholder="Header-Name"
          value={name}
          spellCheck={false}
          onChange={(e) => setName(e.target.value)}
          className={`${input} w-32! flex-none`}
        />
        <input
          aria-label="Header value"
          data-testid="endpoint-header-value"
          placeholder="value"
          value={value}
          spellCheck={false}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && add(name, value)}
          className={input}
        />
        <button
          type="button"
          onClick={() => add(name, value)}
          className="h-7 shrink-0 rounded-md border border-line px-2 text-[12px] text-muted hover:text-fg"
        >
          Add
        </button>
      </div>
      {missing.length > 0 ? (
        <div className="flex flex-wrap gap-x-2 text-[11px] text-faint">
          Common here:
          {missing.map((s) => (
            <button key={s} type="button" className="font-mono text-accent hover:underline" onClick={() => setName(s)}>
              {s}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
