import { useRef, useState, useSyncExternalStore } from 'react';
import type { Message, MessageId } from '../../domain/types';
import { useLiveRuns } from '../generation/live-run-store';
import { ChoiceColumn, useChoiceState, type ReplyMeterSlot } from './ChoiceColumn';
import { continueWith } from './compare-actions';
import { useCompareStore, type ChoiceView } from './compare-store';

const NARROW = '(max-width: 720px)';
const subscribe = (cb: () => void) => {
  const mq = window.matchMedia(NARROW);
  mq.addEventListener('change', cb);
  return () => mq.removeEventListener('change', cb);
};
const useNarrow = () => useSyncExternalStore(subscribe, () => window.matchMedia(NARROW).matches);

/**
 * The choices of one response side by side (tabs on a narrow screen). The turn stays one `message`
 * of the conversation: its status is "streaming" until every choice has finished.
 */
export function ChoiceColumns({ choices, leafId, renderMeter }: { choices: Message[]; leafId: MessageId; renderMeter: ReplyMeterSlot }) {
  const { view, baseIndex, syncScroll, setView, setBase, setSync } = useCompareStore();
  const narrow = useNarrow();
  const [tab, setTab] = useState(0);
  const running = useLiveRuns((s) => s.runs[choices[0]!.conversationId] !== undefined);
  const scrollers = useRef<(HTMLDivElement | null)[]>([]);
  const syncing = useRef(false);
  const leaf = choices.find((c) => c.id === leafId) ?? choices[0]!;
  const base = choices.find((c) => (c.choiceIndex ?? 0) === baseIndex) ?? choices[0]!;
  const baseState = useChoiceState(base);

  const streaming = choices.some((c) => c.status === 'streaming') && running;
  const status = streaming ? 'streaming' : leaf.status === 'streaming' ? 'interrupted' : leaf.status;

  const onScroll = (from: number) => {
    if (!syncScroll || syncing.current) return;
    const src = scrollers.current[from];
    if (!src) return;
    const ratio = src.scrollTop / Math.max(1, src.scrollHeight - src.clientHeight);
    syncing.current = true;
    scrollers.current.forEach((el, i) => {
      if (el && i !== from) el.scrollTop = ratio * (el.scrollHeight - el.clientHeight);
    });
    requestAnimationFrame(() => (syncing.current = false));
  };

  const visible = narrow ? choices.filter((_, i) => i === Math.min(tab, choices.length - 1)) : choices;
  return (
    <article
      data-testid="message"
      data-role="assistant"
      data-status={status}
      data-finish-reason={!streaming && leaf.finishReason ? leaf.finishReason : undefined}
      aria-label={`Assistant message: ${choices.length} choices`}
      // Wider than the reading column: centred on it, as wide as the conversation pane allows.
      style={{ width: 'min(calc(100cqw - 2rem), 120rem)', marginLeft: '50%', transform: 'translateX(-50%)' }}
      className="rounded-xl py-3"
    >
      <header className="mb-2 flex flex-wrap items-center gap-2 px-2 text-[12px]">
        <span className="font-semibold uppercase tracking-wide text-accent">Assistant</span>
        <span className="text-faint">{choices.length} choices · pick one to continue</span>
        <span className="ml-auto flex items-center gap-2">
          <ViewSwitch view={view} onChange={setView} />
          {view === 'diff' ? (
            <label className="flex items-center gap-1 text-muted">
              against
              <select
                aria-label="Diff base choice"
                value={base.choiceIndex ?? 0}
                onChange={(e) => setBase(Number(e.target.value))}
                className="rounded border border-line bg-raised px-1 py-0.5 text-fg"
              >
                {choices.map((c) => (
                  <option key={c.id} value={c.choiceIndex ?? 0}>
                    Choice {(c.choiceIndex ?? 0) + 1}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {!narrow ? (
            <label className="flex items-center gap-1 text-muted">
              <input
                type="checkbox"
                checked={syncScroll}
                onChange={(e) => setSync(e.target.checked)}
                className="accent-[var(--pg-accent)]"
              />
              Sync scroll
            </label>
          ) : null}
        </span>
      </header>
      {narrow ? (
        <div role="tablist" aria-label="Choices" className="mb-2 flex gap-1 overflow-x-auto px-2">
          {choices.map((c, i) => (
            <button
              key={c.id}
              type="button"
              role="tab"
              aria-selected={i === tab}
              onClick={() => setTab(i)}
              className={`rounded-md px-2 py-1 text-[12px] ${i === tab ? 'bg-accent-soft text-accent' : 'text-muted hover:bg-sunken'}`}
            >
              Choice {(c.choiceIndex ?? 0) + 1}
            </button>
          ))}
        </div>
      ) : null}
      <div className="grid gap-2 overflow-x-auto pb-1" style={{ gridTemplateColumns: `repeat(${visible.length}, minmax(15rem, 1fr))` }}>
        {visible.map((c) => {
          const i = choices.indexOf(c);
          return (
            <ChoiceColumn
              key={c.id}
              ref={(el) => {
                scrollers.current[i] = el;
              }}
              message={c}
              sameRequest={choices}
              renderMeter={renderMeter}
              view={view}
              baseText={c.id === base.id ? null : baseState.text}
              current={c.id === leaf.id}
              onContinue={() => void continueWith(c)}
              onScroll={() => onScroll(i)}
            />
          );
        })}
      </div>
    </article>
  );
}

function ViewSwitch({ view, onChange }: { view: ChoiceView; onChange: (v: ChoiceView) => void }) {
  const opts: [ChoiceView, string][] = [
    ['text', 'Text'],
    ['tokens', 'Tokens'],
    ['diff', 'Diff'],
  ];
  return (
    <span role="radiogroup" aria-label="Choice view" className="inline-flex rounded-md border border-line p-0.5">
      {opts.map(([v, label]) => (
        <button
          key={v}
          type="button"
          role="radio"
          aria-checked={view === v}
          onClick={() => onChange(v)}
          className={`rounded px-2 py-0.5 ${view === v ? 'bg-accent-soft text-accent' : 'text-muted hover:text-fg'}`}
        >
          {label}
        </button>
      ))}
    </span>
  );
}
