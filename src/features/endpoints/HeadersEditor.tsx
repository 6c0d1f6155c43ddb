import { useState } from 'react';
import { isSecretHeader } from '../../domain/endpoints';

const input = 'h-7 min-w-0 flex-1 rounded-md border border-line bg-raised px-2 font-mono text-[11.5px]';

const LockIcon = ({ open }: { open: boolean }) => (
  <svg width="13" height="13" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
    <rect x="5" y="11" width="14" height="10" rx="2" />
    <path d={open ? 'M8 11V7a4 4 0 0 1 7.5-2' : 'M8 11V7a4 4 0 0 1 8 0v4'} />
  </svg>
);

/**
 * Extra headers sent with every request to this endpoint (OpenAI-Organization, HTTP-Referer, …).
 * A secret one (a credential header by name, or one marked with the lock) is masked here and kept
 * like the API key: in the key store, redacted from errors, never exported.
 */
export function HeadersEditor({
  headers,
  secretHeaders,
  suggestions,
  onChange,
  onSecretHeadersChange,
}: {
  headers: Record<string, string>;
  secretHeaders: string[];
  suggestions: string[];
  onChange: (h: Record<string, string>) => void;
  onSecretHeadersChange: (names: string[]) => void;
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
  const marked = (k: string) => secretHeaders.some((m) => m.toLowerCase() === k.toLowerCase());
  const toggleSecret = (k: string) =>
    onSecretHeadersChange(
      marked(k) ? secretHeaders.filter((m) => m.toLowerCase() !== k.toLowerCase()) : [...secretHeaders, k.toLowerCase()],
    );
  const missing = suggestions.filter((s) => !(s in headers));
  const newIsSecret = isSecretHeader(name, secretHeaders);
  return (
    <div className="space-y-1">
      {entries.map(([k, val]) => {
        const secret = isSecretHeader(k, secretHeaders);
        const always = isSecretHeader(k, []);
        return (
          <div key={k} className="flex items-center gap-1">
            <code className="w-32 shrink-0 truncate font-mono text-[11.5px] text-muted" title={k}>
              {k}
            </code>
            <input
              aria-label={`Value of header ${k}`}
              type={secret ? 'password' : 'text'}
              autoComplete="off"
              value={val}
              spellCheck={false}
              onChange={(e) => onChange({ ...headers, [k]: e.target.value })}
              className={input}
            />
            <button
              type="button"
              role="switch"
              aria-checked={secret}
              aria-label={`Header ${k} is secret`}
              disabled={always}
              title={
                always
                  ? 'A credential header: always kept like the API key'
                  : secret
                    ? 'Secret: kept like the API key, masked, never exported. Click to make it plain.'
                    : 'Mark secret: keep it like the API key, masked, never exported'
              }
              onClick={() => toggleSecret(k)}
              className={`flex h-7 w-6 shrink-0 items-center justify-center rounded ${secret ? 'text-accent' : 'text-faint hover:text-fg'} disabled:cursor-default`}
            >
              <LockIcon open={!secret} />
            </button>
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
        );
      })}
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
          type={newIsSecret ? 'password' : 'text'}
          autoComplete="off"
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
