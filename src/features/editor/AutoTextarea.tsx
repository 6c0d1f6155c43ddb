import { useLayoutEffect, useRef, useState, type RefObject, type TextareaHTMLAttributes } from 'react';
import { hasVariables, VariableBackdrop } from '../../components/ui/VariableBackdrop';

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'defaultValue'> & {
  initial: string;
  onText: (text: string) => void;
  maxHeight?: number;
  /** The text box itself, for whoever focuses it. */
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
  /** Message text: its `{{variables}}` are highlighted. */
  variables?: boolean;
};

const BOX = 'rounded-md border px-2.5 py-1.5 text-[13.5px] leading-relaxed';

/**
 * A multi-line text box that grows with its text. It owns its value while mounted, so the
 * caret never jumps when the stored row (written through on every keystroke) comes back.
 */
export function AutoTextarea({ initial, onText, maxHeight = 480, className = '', textareaRef, variables = false, ...props }: Props) {
  const [value, setValue] = useState(initial);
  const own = useRef<HTMLTextAreaElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);
  const ref = textareaRef ?? own;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight + 2, maxHeight)}px`;
  }, [value, maxHeight, ref]);
  const highlighted = variables && hasVariables(value);
  const box = (
    <textarea
      ref={ref}
      rows={1}
      value={value}
      onChange={(e) => {
        setValue(e.target.value);
        onText(e.target.value);
      }}
      onScroll={(e) => {
        if (backdrop.current) backdrop.current.scrollTop = e.currentTarget.scrollTop;
      }}
      className={`relative block w-full resize-y ${BOX} border-line ${highlighted ? 'bg-transparent' : 'bg-raised'} text-fg placeholder:text-faint focus:outline-2 focus:outline-offset-[-1px] focus:outline-accent ${className}`}
      {...props}
    />
  );
  if (!variables) return box;
  // Always the same wrapper for message text, so the text box is not remounted (and loses focus) when a variable appears.
  return (
    <div className="relative">
      {highlighted ? <VariableBackdrop ref={backdrop} text={value} className={`${BOX} border-transparent bg-raised ${className}`} /> : null}
      {box}
    </div>
  );
}
