import { lazy, Suspense } from 'react';
import type { RequestParams } from '../../domain/types';

// The panel's many editors load in their own chunk, right after the first paint, to keep the
// initial bundle small.
const Body = lazy(() => import('./ParamsPanelBody').then((m) => ({ default: m.ParamsPanelBody })));

export function ParamsPanel(props: { params: RequestParams; onChange: (next: RequestParams) => void }) {
  return (
    <Suspense fallback={<div aria-busy="true" className="h-96" />}>
      <Body {...props} />
    </Suspense>
  );
}
