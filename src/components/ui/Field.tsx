import type { InputHTMLAttributes, ReactNode } from 'react';

export const inputClass =
  'w-full h-8 rounded-md border border-line bg-raised px-2.5 text-[13px] text-fg placeholder:text-faint focus:outline-2 focus:outline-offset-[-1px] focus:outline-accent';

export function Field({ label, hint, children }: { label: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <label className="block space-y-1">
      <span className="block text-[12px] font-medium text-muted">{label}</span>
      {children}
      {hint ? <span className="block text-[11px] text-faint">{hint}</span> : null}
    </label>
  );
}

export function TextInput(props: InputHTMLAttributes<HTMLInputElement>) {
  return <input {...props} className={`${inputClass} ${props.className ?? ''}`} />;
}
