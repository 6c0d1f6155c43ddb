import { lazy } from 'react';

// Columns are needed only for a response with several choices: kept out of the first load.
const load = () => import('./ChoiceColumns');
export const LazyChoiceColumns = lazy(() => load().then((m) => ({ default: m.ChoiceColumns })));

export function preloadChoiceColumns(): void {
  void load();
}
