import type { ReactNode } from 'react';
import { hasInvisible, hostToShow, linkVerdict, revealInvisible } from '../../domain/link-safety';

/**
 * A link from untrusted text: web and mail addresses open in a new tab with no opener and no
 * referrer; other schemes are shown as plain text; hidden characters are made visible and a
 * misleading link shows its real host.
 */
export function SafeLink({ href, text, children }: { href: string | undefined; text: string; children: ReactNode }) {
  const verdict = linkVerdict(href);
  if (!verdict.clickable) {
    return (
      <span data-testid="blocked-link" title={verdict.reason} className="underline decoration-dotted decoration-faint">
        {hasInvisible(text) ? revealInvisible(text) : children}
      </span>
    );
  }
  const host = hostToShow(text, verdict.href);
  return (
    <>
      <a href={verdict.href} target="_blank" rel="noopener noreferrer nofollow" title={revealInvisible(safeDecode(verdict.href))}>
        {hasInvisible(text) ? revealInvisible(text) : children}
      </a>
      {host ? (
        <span
          data-testid="link-real-host"
          className="ml-1 rounded bg-sunken px-1 font-mono text-[11px] text-muted"
          title="Where this link really goes"
        >
          → {host}
        </span>
      ) : null}
    </>
  );
}

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}
