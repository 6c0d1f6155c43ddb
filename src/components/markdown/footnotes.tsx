import { createContext, useContext, type MouseEvent, type ReactNode } from 'react';
import type { ReplyDefinitions } from '../../domain/markdown-document';

/**
 * Footnotes of a reply. Blocks are parsed one by one (each with placeholder definitions for the
 * notes it calls, see markdown-document.ts), so each call is numbered here from the reply's own
 * order rather than the block's, and the notes are rendered once, at the end of the reply.
 * Ids carry a per-reply prefix: several replies on a page may all have a footnote 1.
 */
export interface FootnoteScope {
  prefix: string;
  definitions: ReplyDefinitions;
}

export const FootnoteScopeContext = createContext<FootnoteScope | null>(null);
/** The index of the block being rendered (-1 outside the reply's blocks, e.g. inside a note). */
export const BlockIndexContext = createContext(-1);

/** A label in our ids: lower case, URI-escaped. */
function idOf(label: string): string {
  return encodeURIComponent(label.toLowerCase());
}

/** remark-rehype links a call to `#user-content-fn-<label, lower case, URI-escaped>`. */
function labelFromHref(href: string | undefined, scope: FootnoteScope): string | undefined {
  const id = /#user-content-fn-(.+)$/.exec(href ?? '')?.[1];
  if (id === undefined) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(id);
  } catch {
    return undefined;
  }
  return scope.definitions.noteOrder.find((label) => label.toLowerCase() === decoded);
}

/** Moves to an element of this reply without touching the location hash (share links live there). */
function jumpTo(event: MouseEvent, id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}

/** A footnote call (`[^id]`) as a superscript number, numbered in the reply's order. */
export function FootnoteCall({ href, children }: { href: string | undefined; children: ReactNode }) {
  const scope = useContext(FootnoteScopeContext);
  const block = useContext(BlockIndexContext);
  const label = scope ? labelFromHref(href, scope) : undefined;
  if (!scope || label === undefined) return <>{children}</>;
  const n = scope.definitions.noteOrder.indexOf(label) + 1;
  // Only the reply's first call of a note carries the id its back link goes to.
  const first = scope.definitions.firstCall.get(label) === block;
  const noteId = `${scope.prefix}fn-${idOf(label)}`;
  return (
    <a
      href={`#${noteId}`}
      id={first ? `${scope.prefix}fnref-${idOf(label)}` : undefined}
      data-footnote-ref=""
      aria-label={`Footnote ${n}`}
      tabIndex={0}
      onClick={(e) => jumpTo(e, noteId)}
      className="footnote-ref"
    >
      {n}
    </a>
  );
}

/** The notes of a reply, in the order of their first call, each with a link back to it. */
export function Footnotes({ scope, render }: { scope: FootnoteScope; render: (markdown: string) => ReactNode }) {
  const { noteOrder, notes } = scope.definitions;
  if (noteOrder.length === 0) return null;
  return (
    <section data-testid="footnotes" data-footnotes="" aria-label="Footnotes" className="footnotes">
      <ol>
        {noteOrder.map((label) => {
          const callId = `${scope.prefix}fnref-${idOf(label)}`;
          return (
            <li key={label} id={`${scope.prefix}fn-${idOf(label)}`} tabIndex={-1}>
              <div className="footnote-body">{render(notes.get(label) ?? '')}</div>
              <a
                href={`#${callId}`}
                data-footnote-backref=""
                aria-label={`Back to reference ${noteOrder.indexOf(label) + 1}`}
                onClick={(e) => jumpTo(e, callId)}
                className="footnote-backref"
              >
                ↩
              </a>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
