import type { ReactNode } from 'react';
import { MonitorIcon, MoonIcon, SunIcon } from '../../components/ui/icons';
import { useLayoutStore, type ThemePref } from './layout-store';
import { THEME_LABELS } from './theme';

const ICONS: Record<ThemePref, ReactNode> = { light: <SunIcon />, dark: <MoonIcon />, system: <MonitorIcon /> };
const ORDER: ThemePref[] = ['light', 'dark', 'system'];

/** A three-way radio group: light, dark, or follow the system. */
export function ThemeSwitch() {
  const theme = useLayoutStore((s) => s.theme);
  const setTheme = useLayoutStore((s) => s.setTheme);
  return (
    <div
      role="radiogroup"
      aria-label="Theme"
      data-testid="theme-switch"
      className="flex shrink-0 items-center rounded-md border border-line bg-sunken p-0.5"
    >
      {ORDER.map((t) => (
        <button
          key={t}
          type="button"
          role="radio"
          aria-checked={theme === t}
          aria-label={`${THEME_LABELS[t]} theme`}
          title={`${THEME_LABELS[t]} theme`}
          tabIndex={theme === t ? 0 : -1}
          onClick={() => setTheme(t)}
          onKeyDown={(e) => {
            const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
            if (!step) return;
            e.preventDefault();
            const next = ORDER[(ORDER.indexOf(theme) + step + ORDER.length) % ORDER.length]!;
            setTheme(next);
            (e.currentTarget.parentElement?.querySelector(`[aria-label="${THEME_LABELS[next]} theme"]`) as HTMLElement | null)?.focus();
          }}
          className={`grid h-6 w-6 place-items-center rounded focus-visible:outline-2 focus-visible:outline-accent ${theme === t ? 'bg-raised text-fg shadow-sm' : 'text-muted hover:text-fg'}`}
        >
          {ICONS[t]}
        </button>
      ))}
    </div>
  );
}
