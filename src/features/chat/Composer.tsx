import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from '../../components/ui/Button';
import { SendIcon, StopIcon } from '../../components/ui/icons';
import { useComposerStore } from './composer-store';
import { sendConversation, stopRun } from './run-service';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function Composer({ conversationId, running, meter }: { conversationId: string | null; running: boolean; meter?: ReactNode }) {
  const text = useComposerStore((s) => s.text);
  const setText = useComposerStore((s) => s.setText);
  const ref = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, 320)}px`;
  }, [text]);

  const send = () => {
    if (running) return;
    const value = text;
    setText('');
    void sendConversation(value);
    ref.current?.focus();
  };

  return (
    <div className="border-t border-line bg-panel px-4 py-3">
      <div className="mx-auto max-w-3xl rounded-xl border border-line bg-raised focus-within:border-accent shadow-sm">
        <textarea
          ref={ref}
          data-testid="composer-input"
          aria-label="Message"
          rows={2}
          value={text}
          placeholder="Write a user message…  (Ctrl/⌘+Enter sends; empty sends the conversation as it stands)"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              send();
            } else if (e.key === 'Escape' && running && conversationId) {
              e.preventDefault();
              stopRun(conversationId);
            }
          }}
          className="block w-full resize-none bg-transparent px-3.5 pt-3 pb-1 text-[14px] leading-relaxed text-fg placeholder:text-faint focus:outline-none"
        />
        <div className="flex items-center justify-between px-2.5 pb-2">
          {meter ?? <span className="text-[11px] text-faint">{isMac ? '⌘' : 'Ctrl'}+Enter to send · Esc to stop</span>}
          {running && conversationId ? (
            <Button variant="danger" data-testid="stop-button" onClick={() => stopRun(conversationId)}>
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
