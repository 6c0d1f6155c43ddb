import { forwardRef, type ReactNode } from 'react';
import { Markdown, MarkdownTimingContext } from '../../components/markdown/Markdown';
import { choiceStats } from '../../domain/choices';
import { tokensCoverText } from '../../domain/token-groups';
import { costUSD } from '../../domain/model-facts';
import { SOURCE } from '../endpoints/fact-sources';
import { formatUSD } from '../../domain/meter-stats';
import { messageText } from '../../domain/messages';
import type { Message } from '../../domain/types';
import { useLiveChoice, useLiveRuns } from '../generation/live-run-store';
import { Reasoning } from '../../components/ui/Reasoning';
import { useReplyFacts } from '../endpoints/model-catalog';
import type { ChoiceView } from './compare-store';
import { DiffView } from './DiffView';
import { TokenView } from '../../components/ui/TokenView';

/** Renders the meter of one finished reply; `sameRequest` are the replies billed with it. */
export type ReplyMeterSlot = (message: Message, sameRequest: readonly Message[]) => ReactNode;

export interface ChoiceState {
  text: string;
  reasoning: string;
  streaming: boolean;
  finishReason: string | null | undefined;
}

/** What a choice shows now: its live text while it streams (the final state wins), else the stored one. */
export function useChoiceState(message: Message): ChoiceState {
  const live = useLiveChoice(message.conversationId, message.id);
  const settled = useLiveRuns((s) => (message.status === 'streaming' ? s.settled[message.id] : undefined));
  const current = settled?.choice ?? live;
  return {
    text: current ? current.content : messageText(message.content),
    reasoning: current ? current.reasoning : (message.reasoning ?? ''),
    streaming: message.status === 'streaming' && live !== undefined && settled === undefined,
    finishReason: current ? current.finishReason : message.finishReason,
  };
}

interface Props {
  message: Message;
  /** The choices shown beside this one (for the request's cost, billed once). */
  sameRequest?: readonly Message[];
  /** The meter line of a finished choice, supplied by the screen that composes compare and meter. */
  renderMeter: ReplyMeterSlot;
  view: ChoiceView;
  baseText: string | null;
  current: boolean;
  onContinue: () => void;
  onScroll?: () => void;
}

/** One choice of a response with several: header figures, its text (plain, tokens or diff) and "continue". */
export const ChoiceColumn = forwardRef<HTMLDivElement, Props>(function ChoiceColumn(
  { message, sameRequest = [], renderMeter, view, baseText, current, onContinue, onScroll },
  scrollRef,
) {
  const state = useChoiceState(message);
  const stats = choiceStats(message, state.streaming ? state.text : undefined);
  const index = message.choiceIndex ?? 0;
  const tokens = message.logprobs ?? null;
  const lane = message.extra?.['compare'] as { label?: string } | undefined;
  const resolved = useReplyFacts()(message.model ?? '', message);
  const facts = resolved.facts;
  const priceFrom = resolved.sources.inputPrice ?? resolved.sources.outputPrice;
  const u = lane && !state.streaming ? message.usage : null;
  const cost =
    u && u.promptTokens !== null && u.completionTokens !== null
      ? costUSD({ promptTokens: u.promptTokens, completionTokens: u.completionTokens, cachedPromptTokens: u.cachedPromptTokens }, facts)
      : null;
  const tokenView = view === 'tokens' && !state.streaming && tokens !== null && tokens.length > 0 && tokensCoverText(tokens, state.text);
  return (
    <section
      data-testid="choice"
      data-choice-index={index}
      data-finish-reason={!state.streaming && state.finishReason ? state.finishReason : undefined}
      aria-label={`Choice ${index + 1}`}
      className={`flex min-w-0 flex-col rounded-lg border bg-panel [content-visibility:auto] [contain-intrinsic-size:auto_15rem_auto_20rem] ${current ? 'border-accent/60' : 'border-line'}`}
    >
      <header className="flex flex-wrap items-center gap-x-2 gap-y-1 border-b border-line px-3 py-2 text-[11.5px]">
        <span className="font-semibold text-fg">{lane ? `${index + 1}. ${lane.label ?? message.model ?? ''}` : `Choice ${index + 1}`}</span>
        {lane && u ? (
          <span
            data-testid="choice-cost"
            data-source={priceFrom}
            className="font-mono text-faint"
            title={
              cost === null
                ? `No price is known for ${message.model ?? 'this model'}: set one in the price table`
                : `Cost of this configuration's request · ${message.model ?? ''} price from ${priceFrom ? SOURCE[priceFrom] : 'unknown'}`
            }
          >
            {cost === null ? 'no price' : formatUSD(cost)}
          </span>
        ) : null}
        {message.extra?.['fanOut'] !== undefined ? (
          <span className="rounded bg-sunken px-1.5 text-muted" title="Sent as its own request: the server ignores n">
            parallel request
          </span>
        ) : null}
        {state.streaming ? (
          <span className="inline-flex items-center gap-1 text-accent">
            <span className="h-1.5 w-1.5 rounded-full bg-accent" aria-hidden="true" />
            streaming
          </span>
        ) : state.finishReason ? (
          <span className={`rounded px-1.5 font-mono ${state.finishReason === 'stop' ? 'bg-sunken text-muted' : 'bg-warn-soft text-warn'}`}>
            {state.finishReason}
          </span>
        ) : null}
        <span
          className="ml-auto font-mono tabular-nums text-faint"
          title={stats.estimated ? 'Estimated from the text (about 4 characters a token)' : 'Counted from the logprobs'}
        >
          {stats.estimated ? '≈' : ''}
          {stats.tokens.toLocaleString()} tok
          {stats.tokensPerSec !== null ? ` · ${stats.tokensPerSec.toFixed(0)} tok/s` : ''}
          {stats.ttftMs !== null ? ` · ${stats.ttftMs.toLocaleString()} ms first` : ''}
        </span>
      </header>
      <div
        ref={scrollRef}
        onScroll={onScroll}
        data-testid="choice-content"
        className="max-h-[60vh] min-h-24 flex-1 overflow-y-auto px-3 py-2 text-[13.5px] [contain:content]"
      >
        {state.reasoning ? <Reasoning text={state.reasoning} streaming={state.streaming && state.text === ''} /> : null}
        {view === 'diff' && baseText !== null && !state.streaming ? (
          <DiffView base={baseText} text={state.text} />
        ) : tokenView && tokens ? (
          <TokenView tokens={tokens} />
        ) : state.streaming ? (
          // Up to eight columns grow at once: plain text while streaming (no per-frame markdown
          // parse), formatted once the choice has finished.
          <StreamingText text={state.text} />
        ) : (
          // Up to eight choices finish in the same frame: each parses in a background render.
          <MarkdownTimingContext value="background">
            <Markdown text={state.text} />
          </MarkdownTimingContext>
        )}
        {message.refusal ? (
          <p className="mt-2 rounded-md bg-warn-soft px-2 py-1 text-[12.5px] text-warn">Refusal: {message.refusal}</p>
        ) : null}
        {(message.toolCalls ?? []).map((call) => (
          <pre key={call.id} className="mt-2 overflow-x-auto rounded-md bg-sunken px-2 py-1 font-mono text-[11.5px]">
            ƒ {call.name}({call.arguments})
          </pre>
        ))}
      </div>
      {!state.streaming && message.status !== 'streaming' ? (
        <div
          data-testid="choice-meter"
          className="flex flex-wrap gap-x-2.5 gap-y-0.5 border-t border-line px-3 py-1 text-[11px] text-faint"
        >
          {/* Parallel requests and compared configurations are each billed on their own. */}
          {renderMeter(
            message,
            lane || message.extra?.['fanOut'] !== undefined ? [message] : sameRequest.filter((c) => c.requestId === message.requestId),
          )}
        </div>
      ) : null}
      <footer className="flex items-center gap-2 border-t border-line px-3 py-1.5">
        {view === 'tokens' && !tokenView && !state.streaming ? (
          <span className="text-[11px] text-faint">no logprobs for this choice</span>
        ) : null}
        <button
          type="button"
          data-testid="continue-with-choice-button"
          disabled={state.streaming}
          onClick={onContinue}
          className="ml-auto rounded-md border border-line px-2 py-0.5 text-[12px] font-medium text-fg hover:border-accent hover:text-accent disabled:opacity-40"
        >
          Continue with this choice
        </button>
      </footer>
    </section>
  );
});

/**
 * Growing plain text as one block per paragraph: a new token re-lays out and repaints only the
 * last paragraph, not the whole column.
 */
function StreamingText({ text }: { text: string }) {
  const paragraphs = text.split('\n\n');
  return (
    <div className="whitespace-pre-wrap break-words leading-relaxed">
      {paragraphs.map((p, i) => (
        <p key={i} className={i > 0 ? 'mt-3' : undefined}>
          {p}
        </p>
      ))}
    </div>
  );
}
