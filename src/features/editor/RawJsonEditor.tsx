import { useState } from 'react';
import { Button } from '../../components/ui/Button';
import { toast } from '../../components/ui/toast';
import type { ApplyResult } from './raw-json';

/** Editable JSON text; Apply changes the conversation only when all of it is valid. */
export function RawJsonEditor({
  initial,
  label,
  onApply,
  onClose,
  rows = 12,
}: {
  initial: string;
  label: string;
  onApply: (text: string) => Promise<ApplyResult>;
  onClose: () => void;
  rows?: number;
}) {
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const apply = async () => {
    setBusy(true);
    try {
      const result = await onApply(text);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setError(null);
      if (result.note) toast(result.note, 'info');
      onClose();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="space-y-1.5">
      <textarea
        data-testid="raw-json-input"
        aria-label={label}
        aria-invalid={error !== null}
        aria-describedby={error ? 'raw-json-error' : undefined}
        spellCheck={false}
        rows={rows}
        value={text}
        autoFocus
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.stopPropagation();
            void apply();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
        className="block w-full resize-y rounded-md border border-line bg-sunken p-2 font-mono text-[12px] leading-snug text-fg focus:outline-2 focus:outline-offset-[-1px] focus:outline-accent aria-[invalid=true]:border-danger"
      />
      {error ? (
        <div
          id="raw-json-error"
          data-testid="raw-json-error"
          role="alert"
          className="rounded-md border border-danger/40 bg-danger-soft px-2.5 py-1.5 font-mono text-[12px] text-danger"
        >
          {error}
        </div>
      ) : null}
      <div className="flex items-center gap-1.5">
        <Button variant="primary" className="h-7" disabled={busy} data-testid="raw-json-apply" onClick={() => void apply()}>
          Apply
        </Button>
        <Button className="h-7" onClick={onClose}>
          Cancel
        </Button>
        <span className="ml-auto text-[11px] text-faint">Ctrl/⌘+Enter applies · invalid JSON changes nothing</span>
      </div>
    </div>
  );
}
