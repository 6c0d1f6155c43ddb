import type { ConversationId } from '../../domain/types';
import { useEffect, useState } from 'react';
import { Button } from '../../components/ui/Button';
import { CopyIcon } from '../../components/ui/icons';
import { LINK_IMAGE_LIMIT, type LinkedMedia, type ShareLink } from '../../lib/codec/share-link';
import { Dialog } from './Dialog';
import { copyText, exportConversation, shareLinkFor } from './share-actions';
import { errorMessage } from '../../domain/errors';

type State = { status: 'loading' } | { status: 'ready'; link: ShareLink } | { status: 'error'; message: string };

const kb = (n: number) => `${Math.max(1, Math.round(n / 1024))} KB`;

export function ShareLinkDialog({ conversationId, onClose }: { conversationId: ConversationId; onClose: () => void }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    shareLinkFor(conversationId)
      .then((link) => live && setState({ status: 'ready', link }))
      .catch((err: unknown) => live && setState({ status: 'error', message: errorMessage(err) }));
    return () => {
      live = false;
    };
  }, [conversationId]);

  return (
    <Dialog title="Share link" label="Share link" onClose={onClose}>
      <p className="mb-3 text-[12.5px] text-muted">
        The whole conversation is packed into the link itself, after the <code className="font-mono">#</code>, which browsers never send to
        any server. Anyone with the link can read it. Your API key and endpoint headers are not included.
      </p>
      {state.status === 'loading' ? <div className="text-[12px] text-faint">Packing…</div> : null}
      {state.status === 'error' ? <div className="rounded-md bg-danger-soft px-3 py-2 text-[12px] text-danger">{state.message}</div> : null}
      {state.status === 'ready' ? <LinkView link={state.link} conversationId={conversationId} /> : null}
    </Dialog>
  );
}

function LinkView({ link, conversationId }: { link: ShareLink; conversationId: ConversationId }) {
  return (
    <div className="space-y-3">
      <div className="flex gap-2">
        <input
          data-testid="share-link-output"
          aria-label="Share link"
          readOnly
          value={link.url}
          onFocus={(e) => e.currentTarget.select()}
          className="h-8 min-w-0 flex-1 rounded-md border border-line bg-sunken px-2 font-mono text-[11.5px] text-fg outline-none focus:border-accent"
        />
        <Button variant="primary" onClick={() => void copyText(link.url, 'Link')}>
          <CopyIcon /> Copy
        </Button>
      </div>
      <div className="flex items-center gap-2 text-[12px] text-muted">
        <span data-testid="share-link-length">{link.length.toLocaleString('en-US')} characters</span>
        {link.warning === null ? <span className="text-ok">· fits anywhere links go</span> : null}
      </div>
      {link.warning ? (
        <div
          data-testid="share-link-warning"
          role="alert"
          className={`rounded-md px-3 py-2 text-[12px] ${link.warning.level === 'danger' ? 'bg-danger-soft text-danger' : 'bg-warn-soft text-warn'}`}
        >
          {link.warning.text}
          <Button variant="ghost" className="ml-2 h-6 px-2 text-[12px]" onClick={() => void exportConversation(conversationId, 'json', '')}>
            Download file instead
          </Button>
        </div>
      ) : null}
      {link.dropped.length > 0 ? (
        <div data-testid="share-link-dropped" className="rounded-md border border-line bg-sunken px-3 py-2 text-[12px] text-muted">
          <div className="mb-1 font-medium text-fg">
            {link.dropped.length} attachment{link.dropped.length === 1 ? ' is' : 's are'} larger than {kb(LINK_IMAGE_LIMIT)} and left out of
            the link
          </div>
          <ul className="list-inside list-disc">
            {link.dropped.map((d, i) => (
              <li key={`${d.messageId}-${i}`}>
                {d.name} ({kb(d.size)}), shown as a note in its place
              </li>
            ))}
          </ul>
          <div className="mt-1">Share a file to keep them.</div>
        </div>
      ) : null}
      {link.linked.length > 0 ? <LinkedNotice linked={link.linked} /> : null}
      {link.audioRepliesLeftOut > 0 ? (
        <div data-testid="share-link-audio-left-out" className="rounded-md border border-line bg-sunken px-3 py-2 text-[12px] text-muted">
          <span className="font-medium text-fg">
            The audio of {link.audioRepliesLeftOut} spoken repl{link.audioRepliesLeftOut === 1 ? 'y is' : 'ies are'} left out of the link
          </span>{' '}
          (the transcript is kept). Share a file to keep the audio.
        </div>
      ) : null}
    </div>
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Parts that stay web addresses: the link only points at them, and the reader loads them from those hosts. */
function LinkedNotice({ linked }: { linked: LinkedMedia[] }) {
  const count = (type: LinkedMedia['type']) => linked.filter((l) => l.type === type).length;
  const what = [
    count('image') ? plural(count('image'), 'image', 'images') : '',
    count('audio') ? plural(count('audio'), 'audio clip', 'audio clips') : '',
    count('file') ? plural(count('file'), 'file', 'files') : '',
  ].filter(Boolean);
  const hosts = [...new Set(linked.map((l) => l.host))];
  return (
    <div data-testid="share-link-linked" className="rounded-md border border-line bg-sunken px-3 py-2 text-[12px] text-muted">
      <span className="font-medium text-fg">
        {what.join(' and ')} {linked.length === 1 ? 'is a web address' : 'are web addresses'}, not included:
      </span>{' '}
      the link points at {hosts.join(', ')}. Whoever opens it sees them only if those addresses still work, and loads them from there only
      after a click.
    </div>
  );
}
