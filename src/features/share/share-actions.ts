/**
 * What the share buttons do: gather the open conversation (with unsaved parameter edits flushed),
 * turn it into files, links and code through the codec, and bring files and links back in through
 * the one `restore()` path. The API key is never read here: nothing below can leak it.
 */
import { notify } from '../../lib/notify/notify';
import { analyzeBaseURL, normalizeBaseURL } from '../../domain/endpoints';
import { pathToLeaf } from '../../domain/messages';
import type { Conversation, ConversationId, Endpoint } from '../../domain/types';
import { type Exported, type ImportSummary, readForExport, writeRestored } from '../../lib/db/repo';
import { documentToJSON, encodeDocument } from '../../lib/codec/encode';
import { FILE_EXTENSION, type ExportedEndpoint, type Restored, type RestoreError } from '../../lib/codec/format';
import { toHTML } from '../../lib/codec/html';
import { toMarkdown } from '../../lib/codec/markdown';
import { restore } from '../../lib/codec/restore';
import { encodeShareLink, type ShareLink } from '../../lib/codec/share-link';
import { buildNextRequest } from '../conversations/next-request';
import { variableValues } from '../conversations/variables-store';
import { flushParams } from '../conversations/params-writer';
import { useWorkspaceStore } from '../conversations/workspace-store';
import { activeEndpointConfig, REFERENCE_ENDPOINT_ID, useEndpointsStore } from '../endpoints/endpoints-store';
import { providerRulesNow } from '../endpoints/model-catalog';
import { errorMessage } from '../../domain/errors';
import { hasShareLink, pageAddress } from './share-url';

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

/**
 * The profile an imported conversation runs against: the built-in one, or the person's own profile
 * for that base URL. Never a new one: a conversation opened from a file or link keeps its own
 * profile (see conversation-endpoint), so a profile made from an address someone else wrote would
 * send the person's next message to that address without asking. Otherwise none: it takes the
 * active profile when opened.
 */
export function endpointIdFor(e: ExportedEndpoint | null): string | null {
  if (!e) return null;
  if (e.builtIn === 'reference') return REFERENCE_ENDPOINT_ID;
  const analysis = analyzeBaseURL(e.baseURL);
  if (analysis.refused || !/^https?:\/\//i.test(analysis.url)) return null;
  const found = useEndpointsStore.getState().endpoints.find((x) => normalizeBaseURL(x.baseURL) === analysis.url);
  return found?.id ?? null;
}

/** The open conversation as it stands, for export; the endpoint is the one it would run against now. */
export async function readOpenConversation(conversationId: ConversationId): Promise<Exported> {
  await flushParams();
  const out = await readForExport(() => activeExportedEndpoint(), [conversationId]);
  if (out.bundles.length === 0) throw new Error('The conversation is no longer stored.');
  return out;
}

export function fileSlug(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'conversation';
}

export function download(filename: string, data: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([data], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
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
    else if (kind === 'html') download(`${slug}.html`, toHTML(bundle, blobs, encodeDocument([bundle], blobs)), 'text/html');
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

export async function backupEverything(): Promise<void> {
  try {
    await flushParams();
    const { bundles, blobs } = await readForExport(endpointOfConversation);
    const date = new Date().toISOString().slice(0, 10);
    download(`chat-playground-backup-${date}${FILE_EXTENSION}`, documentToJSON(encodeDocument(bundles, blobs)), 'application/json');
    notify(
      `Backup exported: ${bundles.length} conversation${bundles.length === 1 ? '' : 's'}, ${blobs.size} file${blobs.size === 1 ? '' : 's'}`,
      'success',
    );
  } catch (err) {
    notify(`Backup failed: ${errorMessage(err)}`, 'error');
  }
}

export type ImportOutcome = { ok: true; summary: ImportSummary } | { ok: false; error: RestoreError | { message: string } };

const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

function summaryText(summary: ImportSummary): string {
  const n = summary.conversationIds.length;
  const parts = [`${summary.added} new`];
  if (summary.updated > 0) parts.push(`${summary.updated} updated`);
  if (summary.unchanged > 0) parts.push(`${summary.unchanged} already here`);
  return `Imported ${n} conversation${n === 1 ? '' : 's'} (${parts.join(', ')})`;
}

/**
 * Imports a file's text, a pasted link or JSON: validates everything first and writes in one
 * transaction, so a bad input writes nothing. Opens the conversation when there is just one.
 */
export async function importText(text: string, opts: { open?: boolean; activateEndpoint?: boolean } = {}): Promise<ImportOutcome> {
  const result = restore(text);
  if (!result.ok) {
    notify(`Import failed. ${result.error.message}`, 'error', { ms: 12_000 });
    return { ok: false, error: result.error };
  }
  try {
    const summary = await writeRestored(result.value, endpointIdFor);
    notify(summaryText(summary), 'success');
    const only = summary.conversationIds.length === 1 ? summary.conversationIds[0]! : null;
    if (only && opts.open !== false) {
      useWorkspaceStore.getState().open(only);
      const endpointId = endpointIdFor(result.value.conversations[0]!.endpoint);
      if (opts.activateEndpoint && endpointId) useEndpointsStore.getState().setActive(endpointId);
    }
    return { ok: true, summary };
  } catch (err) {
    const message = `Import failed, nothing was written: ${errorMessage(err)}`;
    notify(message, 'error', { ms: 12_000 });
    return { ok: false, error: { message } };
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
  const outcome = await importText(documentToJSON(encodeDocument(restored.conversations, restored.blobs)), {
    open: openIt,
    activateEndpoint: openIt,
  });
  return outcome.ok;
}

/** A link to this page that carries the open conversation. */
export async function shareLinkFor(conversationId: ConversationId): Promise<ShareLink> {
  const { bundles, blobs } = await readOpenConversation(conversationId);
  return encodeShareLink(pageAddress(), bundles[0]!, blobs);
}

export async function importFile(file: File): Promise<ImportOutcome> {
  if (file.size > MAX_IMPORT_BYTES) {
    const message = `Import failed. ${file.name} is larger than 512 MB.`;
    notify(message, 'error');
    return { ok: false, error: { message } };
  }
  return importText(await file.text());
}
