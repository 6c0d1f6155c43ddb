import { lazy, Suspense } from 'react';

// Profiles, connection test, model picker and facts load in their own chunk after the first paint.
const Body = lazy(() => import('./EndpointPanelBody').then((m) => ({ default: m.EndpointPanelBody })));

export function EndpointPanel(props: { model: string; onModel: (model: string) => void }) {
  return (
    <Suspense fallback={<div aria-busy="true" className="h-64" />}>
      <Body {...props} />
    </Suspense>
  );
}
