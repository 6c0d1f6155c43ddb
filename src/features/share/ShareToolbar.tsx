import type { ConversationId } from '../../domain/types';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { IconButton } from '../../components/ui/Button';
import { Menu, MenuGroup, MenuItem, MenuSeparator } from '../../components/ui/Menu';
import { toast } from '../../components/ui/toast';
import type { ActiveConversation } from '../conversations/use-active-conversation';
import { useActiveParams } from '../conversations/use-active-conversation';
import { useComposerStore } from '../conversations/composer-store';
import type { ExportKind } from './share-actions';
import { registerCommands } from '../../lib/commands/commands';

// The codec (schema, compression, snippets) loads on first use, not with the page.
const actions = () => import('./share-actions');
const CodeDialog = lazy(() => import('./CodeDialog').then((m) => ({ default: m.CodeDialog })));
const ImportDialog = lazy(() => import('./ImportDialog').then((m) => ({ default: m.ImportDialog })));
const ShareLinkDialog = lazy(() => import('./ShareLinkDialog').then((m) => ({ default: m.ShareLinkDialog })));
const exportConversation = (id: ConversationId, kind: ExportKind, draft: string) =>
  actions().then((a) => a.exportConversation(id, kind, draft));

const LinkIcon = () => (
  <svg
    width="15"
    height="15"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.8"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
  >
    <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
  </svg>
);
const CodeIcon = () => (
  <svg
    width="15"
    height="15"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.8"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
  >
    <path d="M8 7l-5 5 5 5M16 7l5 5-5 5" />
  </svg>
);
const DownloadIcon = () => (
  <svg
    width="15"
    height="15"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.8"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
  >
    <path d="M12 4v11M7 10l5 5 5-5M5 20h14" />
  </svg>
);
const MoreIcon = () => (
  <svg width="15" height="15" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">
    <circle cx="5" cy="12" r="1.6" />
    <circle cx="12" cy="12" r="1.6" />
    <circle cx="19" cy="12" r="1.6" />
  </svg>
);

// Chosen files import in the Import dialog, which shows their progress and Cancel.
type Open = 'link' | 'code' | 'import' | File[] | null;

/** Share, export, code and backup actions of the chat header. */
export function ShareToolbar({ active }: { active: ActiveConversation }) {
  const { conversation, path } = active;
  const { params } = useActiveParams(conversation);
  const draft = useComposerStore((s) => s.text);
  const [open, setOpen] = useState<Open>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const id = conversation?.id ?? null;

  // The palette offers every button and menu item of this toolbar.
  const latest = useRef({ id, draft });
  useEffect(() => {
    latest.current = { id, draft };
  }, [id, draft]);
  useEffect(() => shareCommands(latest, setOpen), []);

  return (
    <div className="flex shrink-0 items-center gap-0.5">
      <IconButton data-testid="share-link-button" label="Share link" disabled={!id} onClick={() => setOpen('link')}>
        <LinkIcon />
      </IconButton>
      <IconButton data-testid="code-export-button" label="Code for the next request" onClick={() => setOpen('code')}>
        <CodeIcon />
      </IconButton>
      <IconButton
        data-testid="export-json-button"
        label="Export conversation file (.chat.json)"
        disabled={!id}
        onClick={() => id && void exportConversation(id, 'json', draft)}
      >
        <DownloadIcon />
      </IconButton>
      <MoreMenu conversationId={id} draft={draft} onImport={() => setOpen('import')} />
      <input
        ref={fileInput}
        data-testid="import-file-input"
        type="file"
        accept=".json,.chat.json,.html,application/json,text/html"
        multiple
        hidden
        onChange={(e) => {
          setOpen([...(e.currentTarget.files ?? [])]);
          e.currentTarget.value = ''; // choosing the same file again imports again
        }}
      />
      <Suspense fallback={null}>
        {open === 'link' && id ? <ShareLinkDialog conversationId={id} onClose={() => setOpen(null)} /> : null}
        {open === 'code' ? <CodeDialog path={path} params={params} draft={draft} onClose={() => setOpen(null)} /> : null}
        {open === 'import' || Array.isArray(open) ? (
          <ImportDialog
            files={open === 'import' ? [] : open}
            onChooseFile={() => fileInput.current?.click()}
            onClose={() => setOpen(null)}
          />
        ) : null}
      </Suspense>
    </div>
  );
}

function shareCommands(latest: { current: { id: ConversationId | null; draft: string } }, setOpen: (open: Open) => void): () => void {
  const has = () => latest.current.id !== null;
  const exportAs = (kind: ExportKind) => () => {
    const { id, draft } = latest.current;
    if (id) void exportConversation(id, kind, draft);
  };
  const group = 'Share and export';
  return registerCommands([
    { id: 'share.link', title: 'Make a share link', group, keywords: ['url', 'send'], enabled: has, run: () => setOpen('link') },
    {
      id: 'share.code',
      title: 'Code for the next request',
      group,
      keywords: ['curl', 'python', 'javascript', 'snippet'],
      run: () => setOpen('code'),
    },
    {
      id: 'export.json',
      title: 'Export conversation file (.chat.json)',
      group,
      keywords: ['download', 'save'],
      enabled: has,
      run: exportAs('json'),
    },
    {
      id: 'export.markdown',
      title: 'Export Markdown transcript (.md)',
      group,
      keywords: ['download'],
      enabled: has,
      run: exportAs('markdown'),
    },
    {
      id: 'export.html',
      title: 'Export web page, works offline (.html)',
      group,
      keywords: ['download'],
      enabled: has,
      run: exportAs('html'),
    },
    {
      id: 'export.body',
      title: 'Export OpenAI request body (.json)',
      group,
      keywords: ['download', 'api'],
      enabled: has,
      run: exportAs('body'),
    },
    {
      id: 'backup.export',
      title: 'Back up all conversations',
      group,
      keywords: ['export all', 'download'],
      run: () => void actions().then((a) => a.backupEverything()),
    },
    { id: 'import.open', title: 'Import a file or link…', group, keywords: ['open', 'restore', 'upload'], run: () => setOpen('import') },
  ]);
}

function MoreMenu({ conversationId, draft, onImport }: { conversationId: ConversationId | null; draft: string; onImport: () => void }) {
  const exportAs = (kind: ExportKind) => {
    if (conversationId) void exportConversation(conversationId, kind, draft);
    else toast('Nothing to export yet: send a message first.', 'info');
  };
  const item =
    'flex w-full items-center justify-between gap-6 px-3 py-1.5 text-left text-[12.5px] hover:bg-sunken focus:bg-sunken focus:outline-none disabled:opacity-45 disabled:hover:bg-transparent';
  const heading = 'px-3 pb-1 pt-1.5 text-[10.5px] font-semibold uppercase tracking-wide text-faint';
  return (
    <Menu
      label="More export and import options"
      menuLabel="Export and import"
      button={<MoreIcon />}
      buttonClassName="inline-flex items-center justify-center rounded-md h-7 w-7 text-muted hover:text-fg hover:bg-sunken focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-40"
      menuClassName="absolute right-0 top-8 z-40 w-64 overflow-hidden rounded-lg border border-line bg-raised py-1 shadow-xl"
    >
      <MenuGroup label="This conversation" labelClassName={heading}>
        <MenuItem className={item} disabled={!conversationId} onSelect={() => exportAs('json')}>
          Conversation file<span className="font-mono text-[11px] text-faint">.chat.json</span>
        </MenuItem>
        <MenuItem className={item} disabled={!conversationId} onSelect={() => exportAs('markdown')}>
          Markdown transcript<span className="font-mono text-[11px] text-faint">.md</span>
        </MenuItem>
        <MenuItem className={item} disabled={!conversationId} onSelect={() => exportAs('html')}>
          Web page, works offline<span className="font-mono text-[11px] text-faint">.html</span>
        </MenuItem>
        <MenuItem className={item} disabled={!conversationId} onSelect={() => exportAs('body')}>
          OpenAI request body<span className="font-mono text-[11px] text-faint">.json</span>
        </MenuItem>
      </MenuGroup>
      <MenuSeparator className="my-1 border-t border-line" />
      <MenuGroup label="Backup" labelClassName={heading.replace('pt-1.5', 'pt-1')}>
        <MenuItem data-testid="backup-export-button" className={item} onSelect={() => void actions().then((a) => a.backupEverything())}>
          Export all conversations
        </MenuItem>
        <MenuItem data-testid="import-button" className={item} onSelect={onImport}>
          Import file or link…
        </MenuItem>
      </MenuGroup>
    </Menu>
  );
}
