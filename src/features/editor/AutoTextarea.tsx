import { useLayoutEffect, useRef, useState, type RefObject, type TextareaHTMLAttributes } from 'react';

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'defaultValue'> & {
  initial: string;
  onText: (text: string) => void;
  maxHeight?: number;
  /** The text box itself, for whoever focuses it. */
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
};

/**
 * A multi-line text box that grows with its text. It owns its value while mounted, so the
 * caret never jumps when the stored row (written through on every keystroke) comes back.
 */
export function AutoTextarea({ initial, onText, maxHeight = 480, className = '', textareaRef, ...props }: Props) {
  const [value, setValue] = useState(initial);
  const own = useRef<HTMLTextAreaElement>(null);
  const ref = textareaRef ?? own;
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight + 2, maxHeight)}px`;
  }, [value, maxHeight, ref]);
  return (
    <textarea
      ref={ref}
      rows={1}
      value={value}
      onChange={(e) => {
        setValue(e.target.value);
        onText(e.target.value);
      }}
      className={`block w-full resize-y rounded-md border border-line bg-raised px-2.5 py-1.5 text-[13.5px] leading-relaxed text-fg placeholder:text-faint focus:outline-2 focus:outline-offset-[-1px] focus:outline-accent ${className}`}
      {...props}
    />
  );
}
