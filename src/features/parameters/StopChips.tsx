import { useState } from 'react';
import { MAX_STOP_SEQUENCES } from '../../domain/params';
import { escapeStop, unescapeStop } from '../../domain/params-parse';
import { controlClass } from './controls';

/** Up to four stop sequences as chips. Enter (or leaving the field) adds the typed one; \n means a newline. */
export function StopChips({ value, onChange }: { value: string[]; onChange: (v: string[]) => void }) {
  const [text, setText] = useState('');
  const full = value.length >= MAX_STOP_SEQUENCES;
  const commit = () => {
    const seq = unescapeStop(text);
    if (seq === '' || full) return;
    if (!value.includes(seq)) onChange([...value, seq]);
    setText('');
  };
  return (
    <div className="space-y-1">
      {value.length > 0 ? (
        <ul className="flex flex-wrap gap-1" aria-label="Stop sequences">
          {value.map((s) => (
            <li
              key={s}
              data-testid="stop-chip"
              className="inline-flex items-center gap-1 rounded border border-line bg-sunken px-1.5 py-0.5 font-mono text-[11px]"
            >
              <span className="max-w-40 truncate">{escapeStop(s)}</span>
              <button
                type="button"
                aria-label={`Remove stop sequence ${escapeStop(s)}`}
                onClick={() => onChange(value.filter((x) => x !== s))}
                className="text-faint hover:text-danger"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        data-testid="param-stop"
        aria-label="stop"
        value={text}
        disabled={full}
        placeholder={full ? `${MAX_STOP_SEQUENCES} sequences is the limit` : 'Sequence + Enter (\\n = newline)'}
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Backspace' && text === '' && value.length > 0) {
            onChange(value.slice(0, -1));
          }
        }}
        className={controlClass}
      />
    </div>
  );
}
