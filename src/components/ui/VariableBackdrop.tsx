import type { ReactNode, Ref } from 'react';
import { variableSpans } from '../../domain/variables';

export { hasVariables } from '../../domain/variables';

/** `text` with each `{{name}}` wrapped in a mark; the text itself is transparent (the text box above shows it). */
function marked(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  for (const { start, written, name } of variableSpans(text)) {
    if (start > at) out.push(text.slice(at, start));
    out.push(
      <mark
        key={start}
        data-variable={name}
        className="rounded-[3px] bg-accent-soft text-transparent shadow-[0_0_0_1px_var(--color-accent)]"
      >
        {written}
      </mark>,
    );
    at = start + written.length;
  }
  out.push(text.slice(at) + '\n'); // a trailing newline keeps the last empty line's height
  return out;
}

/**
 * Highlights the variables of a text box from behind: a copy of its text with the same box
 * metrics (`className` must give the same padding, border width, font and line height), laid
 * under a transparent text box. The text box keeps the caret, selection and native editing.
 */
export function VariableBackdrop({ text, className, ref }: { text: string; className: string; ref?: Ref<HTMLDivElement> }) {
  return (
    <div
      ref={ref}
      aria-hidden="true"
      data-testid="variable-highlight"
      className={`pointer-events-none absolute inset-0 overflow-hidden whitespace-pre-wrap [overflow-wrap:break-word] text-transparent ${className}`}
    >
      {marked(text)}
    </div>
  );
}
