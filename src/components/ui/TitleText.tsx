import type { ReactNode } from 'react';
import { revealInvisible } from '../../domain/link-safety';

/**
 * A title from anywhere (typed, generated, imported, a share link): isolated from the text around
 * it, so a right-to-left title or an override inside it cannot reorder the rest of the line, and
 * with its invisible and bidi control characters shown as ⟨U+XXXX⟩ rather than acting.
 */
export function TitleText({ title, children }: { title: string; children?: (shown: string) => ReactNode }) {
  const shown = revealInvisible(title);
  return (
    <bdi dir="auto" data-testid="title-text">
      {children ? children(shown) : shown}
    </bdi>
  );
}
