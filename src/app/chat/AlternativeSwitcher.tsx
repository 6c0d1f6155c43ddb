import type { Message } from '../../domain/types';
import { showAlternative } from '../../features/editor/editor-actions';

/** ‹ 2/3 › between alternatives of one turn (regenerations, edits, the n choices of a request). */
export function AlternativeSwitcher({ message, siblings }: { message: Message; siblings: Message[] }) {
  const index = siblings.findIndex((m) => m.id === message.id);
  const go = async (delta: number) => {
    const target = siblings[index + delta];
    if (!target) return;
    await showAlternative(target);
  };
  const btn = 'h-5 w-5 rounded text-muted hover:bg-sunken hover:text-fg disabled:opacity-30';
  return (
    <span className="inline-flex items-center gap-0.5 font-mono text-[11px] text-muted" role="group" aria-label="Alternatives">
      <button type="button" className={btn} aria-label="Previous alternative" disabled={index <= 0} onClick={() => void go(-1)}>
        ‹
      </button>
      <span data-testid="branch-position">
        {index + 1}/{siblings.length}
      </span>
      <button
        type="button"
        className={btn}
        aria-label="Next alternative"
        disabled={index >= siblings.length - 1}
        onClick={() => void go(1)}
      >
        ›
      </button>
    </span>
  );
}
