import { lazy, Suspense, useEffect, useState } from 'react';
import { QuestionDialog } from './QuestionDialog';
import { hasShareLink, subscribeAddress } from './share-url';

const SharePreview = lazy(() => import('./SharePreview').then((m) => ({ default: m.SharePreview })));

/**
 * Loads the share-link preview (and the codec) only when the address carries a shared conversation;
 * always holds the dialog through which an import asks before it writes.
 */
export function ShareLinkGate() {
  const [shared, setShared] = useState(hasShareLink);
  useEffect(() => subscribeAddress(() => setShared((was) => was || hasShareLink())), []);
  return (
    <>
      {shared ? (
        <Suspense fallback={null}>
          <SharePreview />
        </Suspense>
      ) : null}
      <QuestionDialog />
    </>
  );
}
