import { lazy, Suspense, useEffect, useState } from 'react';
import { useQuestionStore } from './questions';
import { hasShareLink, subscribeAddress } from './share-url';

// The question dialog loads when an import first asks something.
const QuestionDialog = lazy(() => import('./QuestionDialog').then((m) => ({ default: m.QuestionDialog })));
const SharePreview = lazy(() => import('./SharePreview').then((m) => ({ default: m.SharePreview })));

/**
 * Loads the share-link preview (and the codec) only when the address carries a shared conversation;
 * always holds the dialog through which an import asks before it writes.
 */
export function ShareLinkGate() {
  const [shared, setShared] = useState(hasShareLink);
  const asking = useQuestionStore((s) => s.pending !== null);
  useEffect(() => subscribeAddress(() => setShared((was) => was || hasShareLink())), []);
  return (
    <>
      {shared ? (
        <Suspense fallback={null}>
          <SharePreview />
        </Suspense>
      ) : null}
      {asking ? (
        <Suspense fallback={null}>
          <QuestionDialog />
        </Suspense>
      ) : null}
    </>
  );
}
