import type { KeyboardEvent } from 'react';
import { showView, toggleRaw, toggleTokens } from '../../features/conversations/message-view-actions';
import type { TextView } from '../../features/conversations/message-view-store';

const SEGMENT =
  'inline-flex h-[22px] items-center rounded px-2 text-[11.5px] font-medium focus-visible:outline-2 focus-visible:outline-accent';
const ON = 'bg-raised text-fg shadow-sm ring-1 ring-line';
const OFF = 'text-muted hover:text-fg';

interface Segment {
  view: TextView;
  label: string;
  testId?: string;
  /** What pressing it does now. */
  title: (pressed: boolean) => string;
  press: (messageId: string) => void;
}

const SEGMENTS: Segment[] = [
  {
    view: 'rendered',
    label: 'Rendered',
    title: () => 'Show the text formatted (markdown rendered)',
    press: (id) => showView(id, 'rendered'),
  },
  {
    view: 'raw',
    label: 'Raw',
    testId: 'raw-toggle',
    title: (on) => (on ? 'Show the text formatted again' : 'Show the exact text, markdown and whitespace as written'),
    press: toggleRaw,
  },
  {
    view: 'tokens',
    label: 'Tokens',
    testId: 'token-view-toggle',
    title: (on) => (on ? 'Show the text again' : 'Show the reply as tokens, tinted by probability, with their alternatives'),
    press: toggleTokens,
  },
];

/** ← → Home End move between the segments (one tab stop for the whole control, as in a toolbar). */
function moveFocus(e: KeyboardEvent<HTMLElement>): void {
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next =
    e.key === 'ArrowRight' ? at + 1 : e.key === 'ArrowLeft' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : null;
  if (next === null || at < 0) return;
  e.preventDefault();
  buttons[(next + buttons.length) % buttons.length]?.focus();
}

/**
 * One control for how a message's text is shown: Rendered | Raw | Tokens (Tokens only for a reply
 * with logprobs). Raw and Tokens are toggles (a second press goes back), so each is a pressed
 * button rather than a radio. Loaded after the first screen, like the views it switches to.
 */
export default function TextViewSwitch({
  messageId,
  view,
  hasTokens = false,
  quiet = false,
}: {
  messageId: string;
  view: TextView;
  hasTokens?: boolean;
  /** Shown only on hover or focus while the text is rendered (in a message's header, beside its hover actions). */
  quiet?: boolean;
}) {
  return (
    <span
      role="toolbar"
      aria-label="Show the text as"
      onKeyDown={moveFocus}
      className={`inline-flex shrink-0 items-center gap-0.5 rounded-md border border-line bg-sunken p-0.5 ${
        quiet && view === 'rendered' ? 'opacity-0 focus-within:opacity-100 group-hover:opacity-100' : ''
      }`}
    >
      {SEGMENTS.filter((s) => hasTokens || s.view !== 'tokens').map((s) => {
        const pressed = view === s.view;
        return (
          <button
            key={s.view}
            type="button"
            data-testid={s.testId}
            aria-pressed={pressed}
            tabIndex={pressed ? 0 : -1}
            title={s.title(pressed)}
            onClick={() => s.press(messageId)}
            className={`${SEGMENT} ${pressed ? ON : OFF}`}
          >
            {s.label}
          </button>
        );
      })}
    </span>
  );
}
