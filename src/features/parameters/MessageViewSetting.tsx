import { setDefaultView } from '../conversations/message-view-actions';
import { useMessageViewStore, type DefaultTextView } from '../conversations/message-view-store';

const OPTIONS: [DefaultTextView, string][] = [
  ['rendered', 'Rendered'],
  ['raw', 'Raw'],
];

/** Whether messages and choices show rendered markdown or their exact text, until one is switched by hand. */
export default function MessageViewSetting() {
  const current = useMessageViewStore((s) => s.defaultView);
  return (
    <div className="flex items-center gap-2 px-2 py-1.5">
      <span id="message-view-default-label" className="min-w-0 flex-1 text-[12.5px] font-medium">
        Show messages as
        <span className="block text-[11px] font-normal text-faint">
          For every message and choice; the switch on one message changes only that one.
        </span>
      </span>
      <div
        role="radiogroup"
        aria-labelledby="message-view-default-label"
        data-testid="message-view-default"
        className="flex shrink-0 items-center rounded-md border border-line bg-sunken p-0.5"
      >
        {OPTIONS.map(([view, label]) => (
          <button
            key={view}
            type="button"
            role="radio"
            aria-checked={current === view}
            tabIndex={current === view ? 0 : -1}
            onClick={() => setDefaultView(view)}
            onKeyDown={(e) => {
              if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(e.key)) return;
              e.preventDefault();
              const other = OPTIONS.find(([v]) => v !== current)![0];
              setDefaultView(other);
              e.currentTarget.parentElement?.querySelector<HTMLElement>(`[data-view="${other}"]`)?.focus();
            }}
            data-view={view}
            className={`h-6 rounded px-2 text-[12px] font-medium focus-visible:outline-2 focus-visible:outline-accent ${
              current === view ? 'bg-raised text-fg shadow-sm' : 'text-muted hover:text-fg'
            }`}
          >
            {label}
          </button>
        ))}
      </div>
    </div>
  );
}
