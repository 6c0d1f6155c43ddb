/**
 * What the share buttons do: gather the open conversation (with unsaved parameter edits flushed),
 * turn it into files, links and code through the codec, and bring files and links back in through
 * the one `restore()` path. The API key is never read here: nothing below can leak it.
 */
import { notify } from '../../lib/notify/notify';
import { download } from '../../lib/files/download';
import { hostLabel, normalizeBaseURL } from '../../domain/endpoints';
import { fileSlug } from '../../domain/file-names';
import { newId } from '../../domain/ids';
import { pathToLeaf } from '../../domain/messages';
import type { Conversation, ConversationId, Endpoint } from '../../domain/types';
import {
  type ConflictChoice,
  type Exported,
  findImportConflicts,
  type ImportConflict,
  type ImportSummary,
  readForExport,
  writeRestored,
} from '../../lib/db/repo';
import { documentToJSON, encodeDocument } from '../../lib/codec/encode';
import { type ConversationBundle, FILE_EXTENSION, type ExportedEndpoint, type Restored, type RestoreError } from '../../lib/codec/format';
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
import { ask } from './questions';
import { hasShareLink, pageAddress } from './share-url';
import { webPage } from './web-page';

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

/** An imported base URL that can be a profile: an http(s) address that parses; null for anything else (javascript:, garbage). */
function importedBaseURL(e: ExportedEndpoint): string | null {
  const baseURL = normalizeBaseURL(e.baseURL);
  try {
    return /^https?:$/.test(new URL(baseURL).protocol) ? baseURL : null;
  } catch {
    return null;
  }
}

/** The stored profile an imported endpoint names (the built-in one, or one with the same base URL); null when none. */
function knownEndpointId(e: ExportedEndpoint): string | null {
  if (e.builtIn === 'reference') return REFERENCE_ENDPOINT_ID;
  const baseURL = normalizeBaseURL(e.baseURL);
  return useEndpointsStore.getState().endpoints.find((x) => normalizeBaseURL(x.baseURL) === baseURL)?.id ?? null;
}

/** An endpoint profile for an imported base URL: the built-in one, a matching one, or a new one (not activated). */
export function endpointIdFor(e: ExportedEndpoint | null): string | null {
  if (!e) return null;
  const known = knownEndpointId(e);
  if (known) return known;
  const baseURL = importedBaseURL(e);
  if (baseURL === null) return null;
  const store = useEndpointsStore.getState();
  const endpoint: Endpoint = {
    id: newId(),
    name: e.name || new URL(baseURL).host,
    baseURL,
    headers: {},
    keyPersistence: 'device',
    createdAt: Date.now(),
  };
  useEndpointsStore.setState({ endpoints: [...store.endpoints, endpoint] });
  return endpoint.id;
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
  if (summary.copied > 0) parts.push(`${summary.copied} kept beside yours as a copy`);
  if (summary.unchanged > 0) parts.push(`${summary.unchanged} already here`);
  return `Imported ${n} conversation${n === 1 ? '' : 's'} (${parts.join(', ')})`;
}

type EndpointFor = (e: ExportedEndpoint | null) => string | null;

/**
 * The endpoints imported conversations will run against. Opening a conversation makes its profile
 * active, so the active endpoint never changes because a file or link said so: the person is asked
 * when the conversation about to be opened names another server, and when conversations name a
 * server no profile has (importing would add one they could later run against). Null: cancelled.
 */
async function chooseEndpoint(bundles: readonly ConversationBundle[], opening: boolean): Promise<EndpointFor | null> {
  const store = useEndpointsStore.getState();
  const active = store.endpoints.find((e) => e.id === store.activeId);
  const useActive: EndpointFor = () => store.activeId;
  const usable = (e: ExportedEndpoint | null): e is ExportedEndpoint =>
    e !== null && (e.builtIn === 'reference' || importedBaseURL(e) !== null);
  const named = bundles.map((b) => b.endpoint).filter(usable);
  // The one opened: asked when it is not the active one. Others: asked when no profile has their server.
  const differing = opening ? named.filter((e) => knownEndpointId(e) !== store.activeId) : named.filter((e) => knownEndpointId(e) === null);
  if (opening && !usable(bundles[0]?.endpoint ?? null)) return useActive;
  if (differing.length === 0) return endpointIdFor;
  const hosts = [...new Set(differing.map((e) => (e.builtIn === 'reference' ? 'the reference endpoint' : hostLabel(e.baseURL))))];
  const theirs = hosts.join(', ');
  const mine = active?.name ?? 'the active profile';
  const answer = await ask({
    title: 'Which endpoint should it run against?',
    text: opening
      ? `This conversation was made against ${theirs}. Your requests go to ${mine}; switching sends them (and its key, if you add one) to ${theirs} instead.`
      : `These conversations were made against ${theirs}, which none of your profiles use. Keep mine runs them on ${mine}; Use theirs adds ${hosts.length === 1 ? 'a profile' : 'profiles'} for ${theirs} that they will run against when opened.`,
    choices: [
      { value: 'theirs', label: opening ? 'Switch endpoint' : 'Use theirs' },
      { value: 'mine', label: 'Keep mine', primary: true },
    ],
  });
  // Keeping mine, conversations that name one of the person's own profiles still run there.
  const keepMine: EndpointFor = opening ? useActive : (e) => (usable(e) ? knownEndpointId(e) : null) ?? store.activeId;
  return answer === null ? null : answer === 'mine' ? keepMine : endpointIdFor;
}

/** Same id, different content: Keep both (the import gets new ids) or Replace. Null: the person cancelled. */
async function chooseOnConflict(conflicts: readonly ImportConflict[]): Promise<ConflictChoice | null> {
  if (conflicts.length === 0) return 'keep-both';
  const one = conflicts.length === 1;
  return ask<ConflictChoice>({
    title: one
      ? 'This conversation is already here, with different content'
      : `${conflicts.length} conversations are already here, with different content`,
    text: `The import uses the id${one ? '' : 's'} of ${one ? 'a conversation' : 'conversations'} you have, but not the same messages. Keep both imports ${one ? 'it' : 'them'} as a copy beside yours; Replace puts the imported version in place of yours (its other branches go too).`,
    details: conflicts.map((c) => (c.storedTitle === c.importedTitle ? `“${c.storedTitle}”` : `“${c.storedTitle}” ← “${c.importedTitle}”`)),
    choices: [
      { value: 'replace', label: 'Replace' },
      { value: 'keep-both', label: 'Keep both', primary: true },
    ],
  });
}

const CANCELLED = 'Import cancelled: nothing was written.';

/**
 * Imports a file's text, a pasted link or JSON: validates everything first, asks when it would
 * change the active endpoint or meet a conversation id already taken by different content, and
 * writes in one transaction, so a bad input writes nothing. Opens the conversation when there is just one.
 */
export async function importText(text: string, opts: { open?: boolean } = {}): Promise<ImportOutcome> {
  const result = restore(text);
  if (!result.ok) {
    notify(`Import failed. ${result.error.message}`, 'error', { ms: 12_000 });
    return { ok: false, error: result.error };
  }
  try {
    const opening = result.value.conversations.length === 1 && opts.open !== false;
    const endpointFor = await chooseEndpoint(result.value.conversations, opening);
    const onConflict = endpointFor && (await chooseOnConflict(await findImportConflicts(result.value)));
    if (!endpointFor || !onConflict) {
      notify(CANCELLED, 'info');
      return { ok: false, error: { message: CANCELLED } };
    }
    const summary = await writeRestored(result.value, endpointFor, onConflict);
    notify(summaryText(summary), 'success');
    const only = summary.conversationIds.length === 1 ? summary.conversationIds[0]! : null;
    // Opening it makes its profile active: the one the person kept, or the one they chose to switch to.
    if (only && opening) useWorkspaceStore.getState().open(only);
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
  const outcome = await importText(documentToJSON(encodeDocument(restored.conversations, restored.blobs)), { open: openIt });
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
