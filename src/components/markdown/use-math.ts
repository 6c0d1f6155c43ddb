import { useEffect, useState } from 'react';
import type { MathPlugins } from './pipeline';

let loaded: MathPlugins | null = null;
let loading: Promise<MathPlugins> | null = null;

/** KaTeX and its CSS and fonts load on the first formula, not with the markdown renderer. */
export function loadMath(): Promise<MathPlugins> {
  loading ??= import('./math').then((m) => {
    loaded = { remark: [m.remarkMathPlugin as never], rehype: [m.rehypeKatexPlugin as never] };
    return loaded;
  });
  return loading;
}

/** The math plugins once loaded, when `needed`; null meanwhile (formulas show as their source). */
export function useMathPlugins(needed: boolean): MathPlugins | null {
  const [plugins, setPlugins] = useState(loaded);
  useEffect(() => {
    if (!needed || plugins) return;
    let cancelled = false;
    void loadMath().then((p) => {
      if (!cancelled) setPlugins(p);
    });
    return () => {
      cancelled = true;
    };
  }, [needed, plugins]);
  return needed ? (plugins ?? loaded) : null;
}
