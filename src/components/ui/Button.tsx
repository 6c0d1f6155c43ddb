import type { ButtonHTMLAttributes, Ref } from 'react';

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { ref?: Ref<HTMLButtonElement> };

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

const VARIANTS: Record<Variant, string> = {
  primary: 'bg-accent text-accent-fg hover:bg-accent-hover border border-transparent',
  secondary: 'bg-raised text-fg border border-line hover:bg-sunken',
  ghost: 'text-muted hover:text-fg hover:bg-sunken border border-transparent',
  danger: 'bg-danger text-danger-fg hover:bg-danger-hover border border-transparent',
};

export function Button({ variant = 'secondary', className = '', ...props }: ButtonProps & { variant?: Variant }) {
  return (
    <button
      type="button"
      className={`inline-flex items-center justify-center gap-1.5 rounded-md px-3 h-8 text-[13px] font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent disabled:opacity-45 disabled:pointer-events-none ${VARIANTS[variant]} ${className}`}
      {...props}
    />
  );
}

export function IconButton({ label, className = '', ...props }: ButtonProps & { label: string }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      className={`inline-flex items-center justify-center rounded-md h-7 w-7 text-muted hover:text-fg hover:bg-sunken focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-40 ${className}`}
      {...props}
    />
  );
}
