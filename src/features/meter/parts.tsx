import type { ReactNode } from 'react';

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-b border-line py-2 first:pt-0 last:border-b-0 last:pb-0">
      <h3 className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-muted">{title}</h3>
      {children}
    </section>
  );
}

export function Row({ label, value, strong = false }: { label: string; value: number | string; strong?: boolean }) {
  return (
    <>
      <dt className={strong ? 'font-medium' : 'text-muted'}>{label}</dt>
      <dd className={`text-right font-mono ${strong ? 'font-medium' : ''}`}>
        {typeof value === 'number' ? value.toLocaleString('en-US') : value}
      </dd>
    </>
  );
}

export function ms(value: number | null): string {
  if (value === null) return '—';
  return value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(2)} s`;
}
