import { useEffect, useMemo, useRef, useState } from 'react';
import { Markdown } from '../../components/markdown/Markdown';
import { Button } from '../../components/ui/Button';
import { inputClass } from '../../components/ui/Field';
import { toolCallsAbove } from '../../domain/conversation-edits';
import { messageText, textContent } from '../../domain/messages';
import type { Message } from '../../domain/types';
import { stopRun } from '../generation/runs';
import { AutoTextarea } from './AutoTextarea';
import { edit, rerunFromMessage } from './editor-actions';
import { rememberedResult, useEditorStore } from './editor-store';
import { usePathStore, usePlace } from './path-store';
import { sendFromEditor } from './send';
import { attachFiles, filesOf, PartsEditor } from './PartsEditor';
import { ToolCallsEditor } from './ToolCallsEditor';
import { useConflicts } from './conflict-store';
import { ConflictBar } from './ConflictBar';
import { noticeDeletion } from './conflicts';
import { noticeVersion } from './pending-writes';
import { useFocusRequest } from './use-focus-request';

const label = 'block text-[11px] font-medium uppercase tracking-wide text-faint';

/** The editor of one message; it starts over from the stored version when the person loads another tab's. */
export function MessageEditor({ message, running }: { message: Message; running: boolean }) {
  const reload = useConflicts((s) => s.reloads[message.id] ?? 0);
  useEffect(() => noticeVersion(message), [message]);
  const latest = useRef(message);
  useEffect(() => {
    latest.current = message;
  }, [message]);
  // On unmount only: was the message deleted under this editor (in another tab)?
  useEffect(() => () => void noticeDeletion(latest.current), [message.id]);
  return (
    <>
      <ConflictBar id={message.id} />
      <FieldsEditor key={reload} message={message} running={running} />
    </>
  );
}

/** Every field the message's role can carry on the wire. */
function FieldsEditor({ message, running }: { message: Message; running: boolean }) {
  const textInput = useFocusRequest<HTMLTextAreaElement>(message.id, 'text-input');
  const { index, count } = usePlace(message.id);
  const path = usePathStore((s) => s.path);
  // Tool calls of the assistant messages above, for a tool message to answer.
  const callsAbove = useMemo(() => toolCallsAbove(path, index < 0 ? path.length : index), [path, index]);
  const isLast = index === count - 1;
  const close = useEditorStore((s) => s.closeEditor);
  const rememberResult = useEditorStore((s) => s.rememberResult);
  const mockResults = useEditorStore((s) => s.mockResults);
  const [preview, setPreview] = useState(false);
  const [showRefusal, setShowRefusal] = useState(Boolean(message.refusal));
  const [generation, setGeneration] = useState(0);
  const { role } = message;
  const text = messageText(message.content);
  const callName = callsAbove.find((c) => c.id === message.toolCallId)?.name;
  const remembered = callName ? rememberedResult(mockResults, callName) : undefined;

  // A user message always offers a text box, even when it holds only attachments.
  useEffect(() => {
    if (role === 'user' && !message.content.some((p) => p.type === 'text'))
      edit(message.id, (m) => ({ ...m, content: [{ type: 'text', text: '' }, ...m.content] }));
  }, [role, message.id, message.content]);

  const done = () => {
    close(message.id);
    useEditorStore.getState().requestFocus(message.id, 'edit-button');
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.stopPropagation();
      if (!running) void sendFromEditor();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (running) stopRun(message.conversationId);
      else done();
    }
  };
  const setText = (t: string) => {
    edit(message.id, (m) => ({ ...m, content: textContent(t) }));
    if (role === 'tool' && callName) rememberResult(callName, t);
  };

  return (
    <div
      className="space-y-2.5"
      onPaste={(e) => {
        const files = filesOf(e.clipboardData);
        if (files.length === 0 || role !== 'user') return;
        e.preventDefault();
        void attachFiles(message.id, files);
      }}
      onDragOver={(e) => {
        if (role === 'user' && e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        const files = filesOf(e.dataTransfer);
        if (files.length === 0 || role !== 'user') return;
        e.preventDefault();
        void attachFiles(message.id, files);
      }}
    >
      {role === 'tool' ? (
        <div className="flex items-end gap-2">
          <label className="block min-w-0 flex-1 space-y-1">
            <span className={label}>tool_call_id</span>
            <input
              aria-label="Tool call id"
              list={`calls-${message.id}`}
              defaultValue={message.toolCallId ?? ''}
              placeholder="choose a call above or type an id"
              onChange={(e) => edit(message.id, { toolCallId: e.target.value })}
              className={`${inputClass} h-7 font-mono text-[12px]`}
            />
            <datalist id={`calls-${message.id}`}>
              {callsAbove.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </datalist>
          </label>
          {remembered !== undefined && remembered !== text ? (
            <Button
              className="h-7"
              onClick={() => {
                edit(message.id, { content: textContent(remembered) });
                setGeneration((g) => g + 1);
              }}
            >
              Use remembered result for {callName}
            </Button>
          ) : null}
        </div>
      ) : (
        <label className="flex items-center gap-2">
          <span className={label}>name</span>
          <input
            aria-label="Participant name"
            placeholder="optional"
            defaultValue={message.name ?? ''}
            onChange={(e) =>
              edit(message.id, (m) => {
                const { name: _old, ...rest } = m;
                return e.target.value === '' ? rest : { ...rest, name: e.target.value };
              })
            }
            className={`${inputClass} h-7 max-w-56 text-[12px]`}
          />
        </label>
      )}

      {role === 'user' && !preview ? (
        <PartsEditor message={message} onKeyDown={onKeyDown} />
      ) : preview ? (
        <div className="min-h-10 rounded-md border border-dashed border-line px-3 py-2 text-[14px]" aria-label="Markdown preview">
          <Markdown text={text} />
        </div>
      ) : (
        <AutoTextarea
          key={`${role}-${generation}`}
          textareaRef={textInput}
          data-testid="message-text-input"
          aria-label={role === 'tool' ? 'Tool result' : 'Message text'}
          placeholder={
            role === 'assistant'
              ? 'Assistant text (a prefill when it is the last message)'
              : role === 'tool'
                ? 'Result of the tool call'
                : 'Text'
          }
          initial={text}
          onText={setText}
          onKeyDown={onKeyDown}
          variables
          autoFocus
          className={role === 'tool' ? 'font-mono text-[12.5px]' : ''}
        />
      )}

      {role === 'assistant' ? (
        <>
          {showRefusal ? (
            <label className="block space-y-1">
              <span className={label}>refusal</span>
              <AutoTextarea
                aria-label="Refusal"
                initial={message.refusal ?? ''}
                onText={(t) =>
                  edit(message.id, (m) => {
                    const { refusal: _old, ...rest } = m;
                    return t === '' ? rest : { ...rest, refusal: t };
                  })
                }
                onKeyDown={onKeyDown}
              />
            </label>
          ) : null}
          <ToolCallsEditor message={message} />
          {message.audio ? (
            <div className="text-[12px] text-muted">
              Audio reply <span className="font-mono">{message.audio.id}</span> is sent back by id.
            </div>
          ) : null}
        </>
      ) : null}

      <div className="flex flex-wrap items-center gap-1.5 pt-0.5">
        <Button className="h-7" onClick={done} data-testid="done-editing-button">
          Done
        </Button>
        {!isLast || role !== 'assistant' ? (
          <Button
            className="h-7"
            variant="ghost"
            disabled={running}
            onClick={() => void rerunFromMessage(message)}
            title="Run the conversation up to here; later messages stay as another branch"
          >
            Run from here
          </Button>
        ) : null}
        <Button className="h-7" variant="ghost" aria-pressed={preview} onClick={() => setPreview(!preview)}>
          {preview ? 'Edit' : 'Preview'}
        </Button>
        {role === 'assistant' && !showRefusal ? (
          <Button className="h-7" variant="ghost" onClick={() => setShowRefusal(true)}>
            Add refusal
          </Button>
        ) : null}
        <span className="ml-auto text-[11px] text-faint">Saved as you type · Esc closes</span>
      </div>
    </div>
  );
}
