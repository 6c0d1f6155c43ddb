import { useEffect, useState } from 'react';
import { Button } from '../../components/ui/Button';
import { CopyIcon } from '../../components/ui/icons';
import type { Message, RequestParams } from '../../domain/types';
import { KEY_ENV, snippets, type Snippet, type SnippetLanguage } from '../../lib/codec/snippets';
import { useActiveEndpoint } from '../endpoints/endpoints-store';
import { useProviderRules } from '../endpoints/model-catalog';
import { Dialog } from './Dialog';
import { buildNextRequest } from '../conversations/next-request';
import { useVariableValues } from '../conversations/variables-store';
import { useWorkspaceStore } from '../conversations/workspace-store';
import { download } from '../../lib/files/download';
import { copyText } from './share-actions';
import { errorMessage } from '../../domain/errors';
import { keyHeaderFor } from '../../domain/endpoints';

type State = { status: 'loading' } | { status: 'ready'; list: Snippet[]; warnings: string[] } | { status: 'error'; message: string };

/** Code that sends the next request exactly as the app would, in four flavours. */
export function CodeDialog({
  path,
  params,
  draft,
  onClose,
}: {
  path: Message[];
  params: RequestParams;
  draft: string;
  onClose: () => void;
}) {
  const endpoint = useActiveEndpoint();
  const rules = useProviderRules(params.model);
  const values = useVariableValues(useWorkspaceStore((s) => s.activeConversationId));
  const [state, setState] = useState<State>({ status: 'loading' });
  const [language, setLanguage] = useState<SnippetLanguage>('curl');
  useEffect(() => {
    let live = true;
    buildNextRequest(path, params, draft, rules, values)
      .then((built) => {
        if (!live) return;
        if (!built.ok) setState({ status: 'error', message: built.error.message });
        else
          setState({
            status: 'ready',
            list: snippets({
              baseURL: endpoint.baseURL,
              body: built.body,
              headerNames: Object.keys(endpoint.headers),
              keyHeader: keyHeaderFor(endpoint),
            }),
            warnings: built.warnings,
          });
      })
      .catch((err: unknown) => live && setState({ status: 'error', message: errorMessage(err) }));
    return () => {
      live = false;
    };
  }, [path, params, draft, endpoint, rules, values]);

  const current = state.status === 'ready' ? state.list.find((s) => s.language === language)! : null;
  const headerCount = Object.keys(endpoint.headers).length;
  return (
    <Dialog title="Code for the next request" label="Code export" wide onClose={onClose}>
      <div className="mb-2 flex items-center gap-2">
        <div role="tablist" aria-label="Language" className="flex rounded-md border border-line bg-sunken p-0.5">
          {(['curl', 'python', 'javascript', 'fetch'] as const).map((l) => (
            <button
              key={l}
              type="button"
              role="tab"
              aria-selected={language === l}
              onClick={() => setLanguage(l)}
              className={`h-7 rounded px-3 text-[12.5px] font-medium ${language === l ? 'bg-raised text-fg shadow-sm' : 'text-muted hover:text-fg'}`}
            >
              {{ curl: 'curl', python: 'Python', javascript: 'JavaScript', fetch: 'fetch' }[l]}
            </button>
          ))}
        </div>
        <span className="ml-auto" />
        <Button disabled={!current} onClick={() => current && void copyText(current.code, 'Code')}>
          <CopyIcon /> Copy
        </Button>
        <Button disabled={!current} onClick={() => current && download(current.filename, current.code, 'text/plain')}>
          Download {current?.filename ?? ''}
        </Button>
      </div>
      <p className="mb-2 text-[12px] text-muted">
        Sends exactly the body in the request preview, images inlined. The key is read from <code className="font-mono">${KEY_ENV}</code>
        {headerCount > 0
          ? `; the endpoint's ${headerCount} custom header${headerCount === 1 ? '' : 's'} from environment variables of the same name`
          : ''}
        . Nothing secret is written into the code.
      </p>
      {state.status === 'ready'
        ? state.warnings.map((w) => (
            <div key={w} className="mb-1 rounded bg-warn-soft px-2 py-1 text-[11.5px] text-warn">
              {w}
            </div>
          ))
        : null}
      {state.status === 'loading' ? <div className="text-[12px] text-faint">Building the request…</div> : null}
      {state.status === 'error' ? <div className="rounded-md bg-danger-soft px-3 py-2 text-[12px] text-danger">{state.message}</div> : null}
      {current ? (
        <pre
          data-testid="code-export-output"
          data-language={current.family}
          data-flavor={current.language}
          // A scrolling box: keyboard users reach it with Tab to scroll it (and read it with a screen reader).
          tabIndex={0}
          role="region"
          aria-label={`${current.language} code`}
          className="max-h-[55vh] overflow-auto rounded-md border border-line bg-sunken p-3 font-mono text-[11.5px] leading-snug"
        >
          {current.code}
        </pre>
      ) : null}
    </Dialog>
  );
}
