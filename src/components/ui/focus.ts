// Focus plumbing shared by the overlay primitives (Dialog, Drawer, Popover).

const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex], [contenteditable="true"]';

/** Marks an element that stays usable while a drawer makes the rest of the page inert (the toasts). */
export const KEEP_LIVE = 'data-keep-live';

/** The controls Tab visits inside `root`, in order. */
export function tabbables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => el.tabIndex >= 0 && el.checkVisibility() && !el.closest('[inert]'),
  );
}

/**
 * A keydown handler's Tab step inside `root`: Tab past the last control goes to the first, Shift+Tab
 * before the first to the last. Returns whether it moved the focus.
 */
export function wrapTab(
  e: { key: string; shiftKey: boolean; defaultPrevented: boolean; preventDefault(): void },
  root: HTMLElement,
): boolean {
  if (e.key !== 'Tab' || e.defaultPrevented) return false;
  const all = tabbables(root);
  if (all.length === 0) return false;
  const at = all.indexOf(document.activeElement as HTMLElement);
  const to = e.shiftKey ? (at <= 0 ? all.at(-1) : null) : at === all.length - 1 || at < 0 ? all[0] : null;
  if (!to) return false;
  e.preventDefault();
  to.focus();
  return true;
}

/** The element that has the focus, unless that is nobody (the body). */
export function focusedElement(): HTMLElement | null {
  const el = document.activeElement;
  return el instanceof HTMLElement && el !== document.body ? el : null;
}

/**
 * Makes every element of the page inert except `keep` (and their ancestors), elements marked
 * {@link KEEP_LIVE}, and `<dialog>`s (modal ones live in the top layer and make the page inert on
 * their own; a dialog opened over a drawer must stay usable). Returns the undo, which only lifts
 * the inert it set. Elements added later (a menu portalled into <body>) are left alone.
 */
export function inertOutside(keep: Element[]): () => void {
  const kept = new Set<Element>([...keep, ...document.querySelectorAll(`[${KEEP_LIVE}]`)]);
  const onPath = new Set<Element>();
  for (const el of kept) for (let p = el.parentElement; p; p = p.parentElement) onPath.add(p);
  const made: Element[] = [];
  const visit = (parent: Element) => {
    for (const child of parent.children) {
      if (kept.has(child)) continue;
      if (onPath.has(child)) visit(child);
      else if (
        child instanceof HTMLElement &&
        !(child instanceof HTMLDialogElement) &&
        !child.inert &&
        !/^(SCRIPT|STYLE|TEMPLATE|LINK)$/.test(child.tagName)
      ) {
        child.inert = true;
        made.push(child);
      }
    }
  };
  visit(document.body);
  return () => {
    for (const el of made) (el as HTMLElement).inert = false;
  };
}
