import { lazy, Suspense, useEffect, useState } from 'react';

const SharePreview = lazy(() => import('./SharePreview').then((m) => ({ default: m.SharePreview })));

const hasShare = () => /[#&]share=/.test(window.location.hash);

/** Loads the share-link preview (and the codec) only when the address carries a shared conversation. */
export function ShareLinkGate() {
  const [shared, setShared] = useState(hasShare);
  useEffect(() => {
    const onHash = () => setShared((was) => was || hasShare());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return shared ? (
    <Suspense fallback={null}>
      <SharePreview />
    </Suspense>
  ) : null;
}
