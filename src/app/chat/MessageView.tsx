import { lazy, memo, Suspense, useDeferredValue, useState } from 'react';
import { Markdown } from '../../components/markdown/Markdown';
import { INLINE_UNCLOSED_KEY } from '../../domain/inline-reasoning';
import { messageText } from '../../domain/messages';
import { ROLE_LABEL, type Message } from '../../domain/types';
import { useMessageDrag } from '../../features/editor/drag';
import { useEditorStore } from '../../features/editor/editor-store';
import { MessageActions, messageKeyDown } from '../../features/editor/MessageActions';
import { ContinueOffer } from '../../features/editor/ContinueOffer';
import { LazyMessageEditor, LazyMessageRawJson } from '../../features/editor/lazy';
import { AttachmentsView, AudioReplyView } from '../../features/editor/PartView';
import { RoleSelect } from '../../features/editor/RoleSelect';
import { MessageTokens } from '../../features/meter/MessageTokens';
import { AlternativeSwitcher } from './AlternativeSwitcher';
import { useLiveChoice, useLiveRuns } from '../../features/generation/live-run-store';
import { MessageFooter, TextViewSwitch } from './MessageFooter';
import { HUGE_TEXT_CHARS } from './huge-text-limit';
import { Reasoning } from '../../components/ui/Reasoning';
import { useTextView } from '../../features/conversations/message-view-store';
import { LazyReplySchemaCheck } from './lazy-checks';

const ReplyTokens = lazy(() => import('./ReplyTokens'));
const RawText = lazy(() => import('../../components/ui/RawText'));
// Tool calls are in few conversations: their view loads with the first one shown.
const ToolCallView = lazy(() => import('./ToolCallView'));
// A message over 2 MB is rare: its collapsed view loads when one is shown.
const HugeText = lazy(() => import('./HugeText'));
const WaitingForFirstToken = lazy(() => import('./WaitingForFirstToken').then((m) => ({ default: m.WaitingForFirstToken })));

/** Messages longer than this can be collapsed. */
const LONG_CHARS = 1200;

interface Props {
  message: Message;
  siblings: Message[];
  running: boolean;
  /** The last message of the path (where a cut reply offers to continue). */
  last?: boolean;
}

/** One message of the conversation; a streaming reply reads its live text from the run store. */
export const MessageView = memo(function MessageView({ message, siblings, running, last = false }: Props) {
  const liveChoice = useLiveChoice(message.conversationId, message.id);
  const settled = useLiveRuns((s) => (message.status === 'streaming' ? s.settled[message.id] : undefined));
  // The final state wins over the last animation frame, so `done` never shows with stale text.
  const live = settled?.choice ?? liveChoice;
  const streaming = message.status === 'streaming' && liveChoice !== undefined && settled === undefined;
  const status = settled ? settled.status : message.status === 'streaming' && !running ? 'interrupted' : message.status;
  const content = live ? live.content : messageText(message.content);
  // Markdown follows the text in a background render that yields to input and to the next chunk,
  // so no frame waits for a parse; the message reads done only once its final text is shown.
  const shown = useDeferredValue(content);
  const painting = shown !== content;
  const reasoning = live ? live.reasoning : (message.reasoning ?? '');
  const refusal = live ? live.refusal : (message.refusal ?? '');
  const toolCalls = live ? live.toolCalls : (message.toolCalls ?? []);
  const finishReason = live ? live.finishReason : message.finishReason;
  const isAssistant = message.role === 'assistant';
  const editing = useEditorStore((s) => s.editing[message.id] === true);
  const [raw, setRaw] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const drag = useMessageDrag(message, !running && message.status !== 'streaming');
  const logprobs = isAssistant && !streaming && message.status !== 'streaming' && message.logprobs?.length ? message.logprobs : null;
  const chosenView = useTextView(message.id);
  const tokensShown = chosenView === 'tokens' && logprobs !== null;
  const view = tokensShown ? 'tokens' : chosenView === 'raw' ? 'raw' : 'rendered';
  const waiting =
    isAssistant &&
    running &&
    message.status === 'streaming' &&
    settled === undefined &&
    content === '' &&
    reasoning === '' &&
    refusal === '' &&
    toolCalls.length === 0;
  // Checked once the reply is complete: a half-streamed JSON is not yet wrong.
  const requested = message.requestedOutput;
  const checkable = isAssistant && !streaming && !painting && message.status !== 'streaming';

  return (
    <article
      data-testid="message"
      data-role={message.role}
      data-status={isAssistant ? (painting ? 'streaming' : status) : undefined}
      data-finish-reason={isAssistant && finishReason ? finishReason : undefined}
      data-message-id={message.id}
      aria-label={`${ROLE_LABEL[message.role]} message`}
      onKeyDown={(e) => messageKeyDown(message, running, e)}
      onDoubleClick={(e) => {
        // In the token and raw views a double click selects text; it does not open the editor.
        if (!editing && !streaming && view === 'rendered' && (e.target as HTMLElement).closest('[data-testid="message-content"]'))
          useEditorStore.getState().openEditor(message);
      }}
      {...drag.target}
      className={`group rounded-xl px-4 py-3 ${editing ? 'bg-panel ring-1 ring-line' : 'hover:bg-panel/60'} ${drag.over ? 'outline-2 outline-dashed outline-accent' : ''}`}
    >
      <header className="mb-1.5 flex items-center gap-2 text-[12px]">
        <span
          {...drag.handle}
          aria-hidden="true"
          title="Drag to move"
          className="-ml-3 w-3 cursor-grab select-none text-faint opacity-0 group-hover:opacity-100"
        >
          ⋮⋮
        </span>
        <RoleSelect message={message} disabled={streaming || message.status === 'streaming'} />
        {message.name ? <span className="text-faint">· {message.name}</span> : null}
        {isAssistant && message.model ? <span className="font-mono text-faint">{message.model}</span> : null}
        {streaming ? (
          <span className="inline-flex items-center gap-1 text-accent" aria-hidden="true">
            <span className="h-1.5 w-1.5 animate-pulse rounded-full bg-accent" />
            streaming
          </span>
        ) : null}
        {siblings.length > 1 ? <AlternativeSwitcher message={message} siblings={siblings} /> : null}
        {streaming ? null : <MessageTokens messageId={message.id} />}
        <MessageActions
          message={message}
          running={running}
          streaming={streaming || message.status === 'streaming'}
          long={content.length > LONG_CHARS}
          collapsed={collapsed}
          onCollapse={setCollapsed}
          onRaw={() => setRaw(true)}
        />
        {isAssistant || editing || content === '' ? null : (
          <Suspense fallback={null}>
            <TextViewSwitch messageId={message.id} view={view} quiet />
          </Suspense>
        )}
      </header>

      {reasoning ? (
        <Reasoning
          text={reasoning}
          streaming={streaming && content === ''}
          unclosed={!streaming && message.extra?.[INLINE_UNCLOSED_KEY] === true}
        />
      ) : null}

      {raw ? (
        <div className="mb-2">
          <Suspense fallback={<EditorLoading />}>
            <LazyMessageRawJson message={message} onClose={() => setRaw(false)} />
          </Suspense>
        </div>
      ) : null}

      {editing ? (
        <Suspense fallback={<EditorLoading />}>
          <LazyMessageEditor message={message} running={running} />
        </Suspense>
      ) : (
        <>
          {waiting ? (
            <Suspense fallback={null}>
              <WaitingForFirstToken startedAt={message.timing?.startedAt ?? message.createdAt} />
            </Suspense>
          ) : null}
          <div data-testid="message-content" className={`text-[14px] ${collapsed ? 'relative max-h-32 overflow-hidden' : ''}`}>
            {tokensShown ? (
              <Suspense fallback={<p className="text-[12px] text-faint">Loading the tokens…</p>}>
                <ReplyTokens logprobs={logprobs} content={content} />
              </Suspense>
            ) : view === 'raw' ? (
              <Suspense fallback={null}>
                <RawText text={content} />
              </Suspense>
            ) : content.length > HUGE_TEXT_CHARS ? (
              <Suspense fallback={<div className="whitespace-pre-wrap break-words">{content.slice(0, 20_000)}</div>}>
                <HugeText text={content} filename={`${message.role}-message-${message.id.slice(0, 8)}.md`} streaming={streaming} />
              </Suspense>
            ) : message.role === 'user' || message.role === 'tool' ? (
              <div className="whitespace-pre-wrap break-words">{content}</div>
            ) : (
              <Markdown text={shown} streaming={streaming || painting} />
            )}
            {message.role === 'tool' && message.toolCallId ? (
              <div className="mt-1 font-mono text-[11px] text-faint">answers {message.toolCallId}</div>
            ) : null}
            {collapsed ? <div className="absolute inset-x-0 bottom-0 h-10 bg-gradient-to-t from-bg to-transparent" /> : null}
          </div>
          {collapsed ? (
            <button type="button" className="mt-1 text-[12px] text-accent hover:underline" onClick={() => setCollapsed(false)}>
              Show all ({content.length.toLocaleString()} characters)
            </button>
          ) : null}
          <AttachmentsView parts={message.content} />
          {message.audio ? <AudioReplyView audio={message.audio} /> : null}

          {refusal ? (
            <div
              data-testid="message-refusal"
              className="mt-2 rounded-md border border-warn/40 bg-warn-soft px-3 py-2 text-[13px] text-warn"
            >
              <span className="font-semibold">Refusal: </span>
              {refusal}
            </div>
          ) : null}

          {checkable && requested?.format && (content !== '' || !refusal) ? (
            <Suspense fallback={null}>
              <LazyReplySchemaCheck requestedOutput={requested} text={content} />
            </Suspense>
          ) : null}

          {toolCalls.length > 0 ? (
            <div className="mt-2 space-y-2">
              <Suspense fallback={null}>
                {toolCalls.map((call, i) => (
                  <ToolCallView key={call.id || i} call={call} requested={checkable && requested?.tools ? requested : undefined} />
                ))}
              </Suspense>
            </div>
          ) : null}
        </>
      )}

      {isAssistant && !streaming ? (
        <MessageFooter message={message} status={status} siblings={siblings} hasTokens={logprobs !== null} view={view} />
      ) : null}
      {last && isAssistant && !streaming && !editing ? <ContinueOffer message={message} status={status} running={running} /> : null}
    </article>
  );
});

function EditorLoading() {
  return <div className="h-16 animate-pulse rounded-lg bg-sunken" aria-busy="true" aria-label="Loading the editor" />;
}
