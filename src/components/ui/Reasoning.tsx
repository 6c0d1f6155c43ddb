import { useState } from 'react';
import { ChevronIcon } from './icons';

/**
 * The reasoning text of an assistant reply (or of one choice): open while it streams, then folded.
 * `unclosed`: the thinking was written inline (`<think>…`) and the reply ended before it closed.
 */
export function Reasoning({ text, streaming, unclosed = false }: { text: string; streaming: boolean; unclosed?: boolean }) {
  // null = automatic: open while the reasoning streams, closed afterwards.
  const [open, setOpen] = useState<boolean | null>(null);
  const expanded = open ?? streaming;
  return (
    <div className="mb-2 rounded-lg border border-line bg-sunken/60">
      <button
        type="button"
        aria-expanded={expanded}
        onClick={() => setOpen(!expanded)}
        className="flex w-full items-center gap-1.5 px-3 py-1.5 text-[12px] font-medium text-muted hover:text-fg"
      >
        <ChevronIcon open={expanded} /> Reasoning <span className="font-normal text-faint">({text.length.toLocaleString()} chars)</span>
        {unclosed ? (
          <span data-testid="reasoning-unclosed" className="font-normal text-faint" title="The reply ended before its </think> tag">
            · thinking never closed
          </span>
        ) : null}
      </button>
      <div
        data-testid="message-reasoning"
        hidden={!expanded}
        className="whitespace-pre-wrap border-t border-line px-3 py-2 text-[12.5px] leading-relaxed text-muted"
      >
        {text}
      </div>
    </div>
  );
}
