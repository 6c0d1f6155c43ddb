import type { ReactNode } from 'react';
import { ChevronIcon } from '../../components/ui/icons';
import type { ParamGroup } from '../../domain/params';
import { usePanelUiStore } from './panel-ui-store';

/** A collapsible group of parameters; the header counts the switched-on ones. */
export function ParamSection({
  group,
  label,
  onCount,
  children,
}: {
  group: ParamGroup;
  label: string;
  onCount: number;
  children: ReactNode;
}) {
  const collapsed = usePanelUiStore((s) => s.collapsed[group] === true);
  const toggle = usePanelUiStore((s) => s.toggle);
  return (
    <section aria-label={label} data-testid={`param-section-${group}`} className="border-t border-line first:border-t-0">
      <h3>
        <button
          type="button"
          aria-expanded={!collapsed}
          onClick={() => toggle(group)}
          className="flex w-full items-center gap-1.5 px-1 py-1.5 text-[11.5px] font-semibold uppercase tracking-wide text-muted hover:text-fg"
        >
          <ChevronIcon open={!collapsed} />
          {label}
          {onCount > 0 ? (
            <span className="ml-auto rounded-full bg-accent-soft px-1.5 text-[10.5px] font-medium normal-case tracking-normal text-accent">
              {onCount} on
            </span>
          ) : null}
        </button>
      </h3>
      {collapsed ? null : <div className="space-y-0.5 pb-2">{children}</div>}
    </section>
  );
}
