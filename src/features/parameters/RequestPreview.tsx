import { lazy, Suspense, useState } from 'react';
import { ChevronIcon } from '../../components/ui/icons';
import type { Message, RequestParams } from '../../domain/types';

// The request builder and its checks load right after the first paint, beside the parameter editors.
const Body = lazy(() => import('./RequestPreviewBody').then((m) => ({ default: m.RequestPreviewBody })));

/** The exact JSON body the next request will send, folded under its heading. */
export function RequestPreview({ path, params }: { path: Message[]; params: RequestParams }) {
  const [open, setOpen] = useState(true);
  return (
    <section className="border-t border-line pt-2" aria-label="Request preview">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="flex w-full items-center gap-1.5 whitespace-nowrap px-2 py-1 text-[12px] font-semibold uppercase tracking-wide text-muted hover:text-fg"
      >
        <ChevronIcon open={open} /> Next request
        <span className="ml-auto font-mono text-[10.5px] font-normal normal-case text-faint">POST /chat/completions</span>
      </button>
      {open ? (
        <Suspense fallback={<div aria-busy="true" className="mx-2 h-24 rounded-md border border-line bg-sunken" />}>
          <Body path={path} params={params} />
        </Suspense>
      ) : null}
    </section>
  );
}
