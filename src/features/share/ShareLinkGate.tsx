import { lazy, Suspense, useEffect, useState } from 'react';
import { hasShareLink, subscribeAddress } from './share-url';

const SharePreview = lazy(() => import('./SharePreview').then((m) => ({ default: m.SharePreview })));

/** Loads the share-link preview (and the codec) only when the address carries a shared conversation. */
export function ShareLinkGate() {
  const [shared, setShared] = useState(hasShareLink);
  useEffect(() => subscribeAddress(() => setShared((was) => was || hasShareLink())), []);
  return shared ? (
    <Suspense fallback={null}>
      <SharePreview />
    </Suspense>
  ) : null;
}
