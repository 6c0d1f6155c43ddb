/**
 * What the share buttons do: gather the open conversation (with unsaved parameter edits flushed),
 * turn it into files, links and code through the codec, and bring files and links back in through
 * the one `restore()` path. The API key is never read here: nothing below can leak it.
 */
import { notify } from '../../lib/notify/notify';
import { download } from '../../lib/files/download';
import { fileSlug } from '../../domain/file-names';
import { pathToLeaf } from '../../domain/messages';
import type { Conversation, ConversationId, Endpoint } from '../../domain/types';
import { type Exported, readForExport, storage } from '../../lib/db/repo';
import { writeBackup } from '../../lib/codec/backup-stream';
import { readSettings } from '../../lib/storage/settings-backup';
import { importText } from './import-actions';
import { documentToJSON, encodeDocument } from '../../lib/codec/encode';
import { FILE_EXTENSION, type ExportedEndpoint, type Restored, type RestoreError } from '../../lib/codec/format';
import { toMarkdown } from '../../lib/codec/markdown';
import { restore } from '../../lib/codec/restore';
import { encodeShareLink, type ShareLink } from '../../lib/codec/share-link';
import { buildNextRequest } from '../conversations/next-request';
import { variableValues } from '../conversations/variables-store';
import { flushParams } from '../conversations/params-writer';
import { activeEndpointConfig, REFERENCE_ENDPOINT_ID, useEndpointsStore } from '../endpoints/endpoints-store';
import { providerRulesNow } from '../endpoints/model-catalog';
import { errorMessage } from '../../domain/errors';
import { hasShareLink, pageAddress } from './share-url';
import { webPage } from './web-page';

export { endpointIdFor, importFile, importText, MAX_IMPORT_MB, type ImportOptions, type ImportOutcome } from './import-actions';

function exported(e: Endpoint): ExportedEndpoint {
  return { baseURL: e.baseURL, name: e.name, ...(e.id === REFERENCE_ENDPOINT_ID ? { builtIn: 'reference' as const } : {}) };
}

/** The endpoint the next request of the open conversation goes to. */
export function activeExportedEndpoint(): ExportedEndpoint {
  const s = useEndpointsStore.getState();
  return exported(s.endpoints.find((e) => e.id === s.activeId) ?? s.endpoints[0]!);
}

function endpointOfConversation(c: Conversation): ExportedEndpoint | null {
  const e = useEndpointsStore.getState().endpoints.find((x) => x.id === c.endpointId);
  return e ? exported(e) : null;
}

/** The open conversation as it stands, for export; the endpoint is the one it would run against now. */
export async function readOpenConversation(conversationId: ConversationId): Promise<Exported> {
  await flushParams();
  const out = await readForExport(() => activeExportedEndpoint(), [conversationId]);
  if (out.bundles.length === 0) throw new Error('The conversation is no longer stored.');
  return out;
}

export async function copyText(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    notify(`${what} copied`, 'success');
  } catch {
    notify(`Could not copy ${what.toLowerCase()}: the browser refused clipboard access. Select the text and copy it instead.`, 'error');
  }
}

export type ExportKind = 'json' | 'markdown' | 'html' | 'body';

const KIND_LABEL: Record<ExportKind, string> = { json: 'Conversation file', markdown: 'Markdown', html: 'HTML page', body: 'Request body' };

/** Downloads the open conversation in one of the export formats. */
export async function exportConversation(conversationId: ConversationId, kind: ExportKind, draft: string): Promise<void> {
  try {
    const { bundles, blobs } = await readOpenConversation(conversationId);
    const bundle = bundles[0]!;
    const slug = fileSlug(bundle.conversation.title);
    if (kind === 'json') download(`${slug}${FILE_EXTENSION}`, documentToJSON(encodeDocument([bundle], blobs)), 'application/json');
    else if (kind === 'markdown') download(`${slug}.md`, toMarkdown(bundle, blobs), 'text/markdown');
    else if (kind === 'html') download(`${slug}.html`, await webPage(bundle, blobs, encodeDocument([bundle], blobs)), 'text/html');
    else {
      const active = activeEndpointConfig();
      const built = await buildNextRequest(
        pathToLeaf(bundle.messages, bundle.conversation.currentLeafId),
        bundle.conversation.params,
        draft,
        providerRulesNow(active.endpoint, active.apiKey, bundle.conversation.params.model),
        variableValues(conversationId),
      );
      if (!built.ok) throw new Error(built.error.message);
      download(`${slug}.request.json`, JSON.stringify(built.body, null, 2), 'application/json');
    }
    notify(`${KIND_LABEL[kind]} exported`, 'success');
  } catch (err) {
    notify(`Export failed: ${errorMessage(err)}`, 'error');
  }
}

/**
 * Every conversation (with its grid), every image and file they use, and the settings (profiles
 * without keys or secret headers, presets, price edits, compare and layout), written piece by piece.
 */
export async function backupEverything(): Promise<void> {
  try {
    await flushParams();
    const s = await storage();
    const exportedAt = new Date();
    const { file, conversations, blobs } = await writeBackup({
      exportedAt,
      settings: readSettings(),
      conversations: s.backupConversations(endpointOfConversation),
      readBlob: s.readBlobData,
    });
    download(`chat-playground-backup-${exportedAt.toISOString().slice(0, 10)}${FILE_EXTENSION}`, file, 'application/json');
    notify(
      `Backup exported: ${conversations} conversation${conversations === 1 ? '' : 's'}, ${blobs} file${blobs === 1 ? '' : 's'} and your settings (no API keys)`,
      'success',
    );
  } catch (err) {
    notify(`Backup failed: ${errorMessage(err)}`, 'error');
  }
}

export type OpenedShareLink = { status: 'none' } | { status: 'ok'; value: Restored } | { status: 'error'; error: RestoreError };

/** The conversation the page's address carries (`#share=…`), decoded but not stored. */
export function openedShareLink(): OpenedShareLink {
  if (!hasShareLink()) return { status: 'none' };
  const result = restore(pageAddress());
  return result.ok ? { status: 'ok', value: result.value } : { status: 'error', error: result.error };
}

/** Stores what a share link brought, through the same import path as files (validated again, merged by id); true when saved. */
export async function saveShared(restored: Restored, openIt: boolean): Promise<boolean> {
  const outcome = await importText(documentToJSON(encodeDocument(restored.conversations, restored.blobs)), { open: openIt });
  return outcome.ok;
}

/** A link to this page that carries the open conversation. */
export async function shareLinkFor(conversationId: ConversationId): Promise<ShareLink> {
  const { bundles, blobs } = await readOpenConversation(conversationId);
  return encodeShareLink(pageAddress(), bundles[0]!, blobs);
}
