import type { ConversationId } from '../../domain/types';
import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { Button } from '../../components/ui/Button';
import { SendIcon, StopIcon } from '../../components/ui/icons';
import { AttachButton, attachToComposer, ComposerAttachments } from '../../features/editor/ComposerAttachments';
import { flushEdits } from '../../features/editor/pending-writes';
import { useComposerStore } from '../../features/conversations/composer-store';
import { preloadRuns, sendConversation, stopRun } from '../../features/generation/runs';
import { preloadMarkdown } from '../../components/markdown/Markdown';

/** The text box's metrics, shared with the variable highlight behind it. */
const TEXT_BOX = 'px-3.5 pt-3 pb-1 text-[14px] leading-relaxed';

// The highlight of {{variables}} loads with the first `{{` typed.
const VariableBackdrop = lazy(() => import('../../components/ui/VariableBackdrop').then((m) => ({ default: m.VariableBackdrop })));

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function Composer({
  conversationId,
  running,
  meter,
}: {
  conversationId: ConversationId | null;
  running: boolean;
  meter?: ReactNode;
}) {
  const text = useComposerStore((s) => s.text);
  const setText = useComposerStore((s) => s.setText);
  const ref = useRef<HTMLTextAreaElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, 320)}px`;
  }, [text]);

  const send = () => {
    if (running) return;
    const value = text;
    const { parts, setParts } = useComposerStore.getState();
    setText('');
    setParts([]);
    // Message edits are written as typed; the request must not miss the last keystrokes.
    void flushEdits().then(() => sendConversation(value, parts));
    ref.current?.focus();
  };
  const takeFiles = (e: React.ClipboardEvent | React.DragEvent, data: DataTransfer | null) => {
    const files = data ? Array.from(data.files) : [];
    if (files.length === 0) return;
    e.preventDefault();
    void attachToComposer(files);
  };

  return (
    <div className="border-t border-line bg-panel px-4 py-3">
      <div
        className="mx-auto max-w-3xl rounded-xl border border-line bg-raised focus-within:border-accent shadow-sm"
        onPaste={(e) => takeFiles(e, e.clipboardData)}
        onDragOver={(e) => e.dataTransfer.types.includes('Files') && e.preventDefault()}
        onDrop={(e) => takeFiles(e, e.dataTransfer)}
      >
        <ComposerAttachments />
        <div className="relative">
          {text.includes('{{') ? (
            <Suspense fallback={null}>
              <VariableBackdrop ref={backdrop} text={text} className={TEXT_BOX} />
            </Suspense>
          ) : null}
          <textarea
            ref={ref}
            data-testid="composer-input"
            aria-label="Message"
            rows={2}
            value={text}
            placeholder="Write a user message…  (Ctrl/⌘+Enter sends; empty sends the conversation as it stands)"
            onChange={(e) => setText(e.target.value)}
            // Someone writing is about to send: the request code and the markdown renderer start
            // loading now (idempotent), not at the send, if start-up has not loaded them yet.
            onInput={preloadForSend}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                send();
              } else if (e.key === 'Escape' && running && conversationId) {
                e.preventDefault();
                stopRun(conversationId);
              }
            }}
            onScroll={(e) => {
              if (backdrop.current) backdrop.current.scrollTop = e.currentTarget.scrollTop;
            }}
            className={`relative block w-full resize-none bg-transparent ${TEXT_BOX} text-fg placeholder:text-faint focus:outline-none`}
          />
        </div>
        <div className="flex items-center justify-between gap-2 px-2.5 pb-2">
          <span className="flex min-w-0 items-center gap-2 text-[11px] text-faint">
            <AttachButton />
            {meter ?? <>{isMac ? '⌘' : 'Ctrl'}+Enter to send · Esc to stop</>}
          </span>
          {running && conversationId ? (
            <Button
              variant="danger"
              data-testid="stop-button"
              // Stop takes Send's place: the second click of a double-click on Send must not stop what it started.
              onClick={(e) => e.detail < 2 && stopRun(conversationId)}
            >
              <StopIcon /> Stop
            </Button>
          ) : (
            <Button variant="primary" data-testid="send-button" onClick={send}>
              Send <SendIcon />
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}

function preloadForSend(): void {
  preloadRuns().catch(() => {}); // a failure is told at the send, which tries again
  preloadMarkdown();
}
