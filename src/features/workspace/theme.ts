import { useLayoutStore, type ThemePref } from './layout-store';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

export function resolveTheme(pref: ThemePref, systemDark: boolean): 'light' | 'dark' {
  return pref === 'system' ? (systemDark ? 'dark' : 'light') : pref;
}

function apply(): void {
  const dark = resolveTheme(useLayoutStore.getState().theme, darkQuery().matches) === 'dark';
  const root = document.documentElement;
  root.classList.toggle('dark', dark);
  root.style.colorScheme = dark ? 'dark' : 'light';
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', dark ? '#15171b' : '#ffffff');
}

/** Applies the stored theme before first paint and follows the preference and the OS from then on. */
export function startTheme(): void {
  apply();
  darkQuery().addEventListener('change', apply);
  useLayoutStore.subscribe((s, prev) => {
    if (s.theme !== prev.theme) apply();
  });
}

export const THEME_LABELS: Record<ThemePref, string> = { light: 'Light', dark: 'Dark', system: 'System' };
