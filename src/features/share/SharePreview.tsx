import { useEffect, useMemo, useState } from 'react';
import { Markdown } from '../../components/markdown/Markdown';
import { Button } from '../../components/ui/Button';
import { hostLabel } from '../../domain/endpoints';
import { messageText, pathToLeaf } from '../../domain/messages';
import type { Restored } from '../../lib/codec/format';
import { ROLE_LABEL } from '../../domain/types';
import { Dialog } from './Dialog';
import { openedShareLink, saveShared, type OpenedShareLink } from './share-actions';
import { clearShareLink, subscribeAddress } from './share-url';
import { TitleText } from '../../components/ui/TitleText';

/** Opening a share link: a read-only preview; nothing is stored until the person says so. */
export function SharePreview() {
  const [state, setState] = useState<OpenedShareLink>(openedShareLink);
  useEffect(() => subscribeAddress(() => setState(openedShareLink())), []);
  if (state.status === 'none') return null;
  const close = () => {
    clearShareLink();
    setState({ status: 'none' });
  };
  if (state.status === 'error') {
    return (
      <Dialog title="This share link cannot be opened" label="Shared conversation" onClose={close}>
        <div data-testid="share-preview-error" role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-[12.5px] text-danger">
          {state.error.message}
        </div>
        <p className="mt-3 text-[12px] text-muted">
          Links are often cut short by chat apps. Ask for the whole link, or for the conversation as a file.
        </p>
      </Dialog>
    );
  }
  return <Preview restored={state.value} onDone={close} />;
}

function Preview({ restored, onDone }: { restored: Restored; onDone: () => void }) {
  const bundle = restored.conversations[0]!;
  const path = pathToLeaf(bundle.messages, bundle.conversation.currentLeafId);
  const urls = useMemo(
    () =>
      new Map(
        [...restored.blobs].map(([id, b]) => [
          id,
          URL.createObjectURL(new Blob([b.bytes as Uint8Array<ArrayBuffer>], { type: b.mimeType })),
        ]),
      ),
    [restored],
  );
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);
  const save = async (openIt: boolean) => {
    if (await saveShared(restored, openIt)) onDone();
  };
  const others = restored.conversations.length - 1;
  return (
    <Dialog
      title={
        <>
          Shared conversation ·{' '}
          <span className="font-normal">
            <TitleText title={bundle.conversation.title} />
          </span>
        </>
      }
      label="Shared conversation"
      wide
      onClose={onDone}
    >
      <div data-testid="share-preview" className="space-y-3">
        <div className="flex flex-wrap items-center gap-2 text-[12px] text-muted">
          <span className="rounded-md border border-line bg-sunken px-2 py-0.5 font-mono text-[11px]">
            {bundle.conversation.params.model}
          </span>
          {bundle.endpoint ? <span>{bundle.endpoint.builtIn ? 'Reference endpoint' : hostLabel(bundle.endpoint.baseURL)}</span> : null}
          <span>
            · {path.length} message{path.length === 1 ? '' : 's'}
            {bundle.messages.length > path.length ? ` (${bundle.messages.length - path.length} on other branches)` : ''}
          </span>
          {others > 0 ? (
            <span>
              · and {others} more conversation{others === 1 ? '' : 's'}
            </span>
          ) : null}
          <span className="ml-auto text-faint">Read-only preview. Nothing is saved until you choose.</span>
        </div>
        <ol className="space-y-2">
          {path.map((m) => (
            <li key={m.id} data-testid="share-preview-message" data-role={m.role} className="rounded-lg border border-line bg-bg px-3 py-2">
              <div
                className={`mb-1 text-[11px] font-semibold uppercase tracking-wide ${m.role === 'assistant' ? 'text-accent' : 'text-muted'}`}
              >
                {ROLE_LABEL[m.role]}
              </div>
              {m.reasoning ? (
                <div className="mb-1 border-l-2 border-line pl-2 text-[12.5px] whitespace-pre-wrap text-muted">{m.reasoning}</div>
              ) : null}
              <div className="break-words text-[13.5px]">
                {m.role === 'assistant' ? (
                  <Markdown text={messageText(m.content)} />
                ) : (
                  <div className="whitespace-pre-wrap">{messageText(m.content)}</div>
                )}
              </div>
              {m.content.map((p, i) =>
                p.type === 'image' && p.source.kind === 'blob' && urls.has(p.source.blobId) ? (
                  <img
                    key={i}
                    src={urls.get(p.source.blobId)}
                    alt={p.source.name ?? 'image'}
                    className="mt-1 max-h-48 rounded border border-line"
                  />
                ) : null,
              )}
              {(m.toolCalls ?? []).map((t) => (
                <div key={t.id} className="mt-1 font-mono text-[11.5px] text-muted">
                  {t.name}({t.arguments})
                </div>
              ))}
            </li>
          ))}
        </ol>
        <div className="sticky bottom-0 flex justify-end gap-2 border-t border-line bg-panel pt-3">
          <Button onClick={onDone}>Close</Button>
          <Button data-testid="share-save-button" onClick={() => void save(false)}>
            Save to my conversations
          </Button>
          <Button data-testid="share-open-button" variant="primary" onClick={() => void save(true)}>
            Open in playground
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
