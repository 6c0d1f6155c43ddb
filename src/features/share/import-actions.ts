/**
 * The way in: files (read and checked off the page's thread by a worker, with progress and
 * Cancel), pasted text and share links all end in `importRestored`, which asks what only the
 * person can decide (endpoint, conflicts, settings) before writing everything in one transaction.
 */
import { hostLabel, normalizeBaseURL } from '../../domain/endpoints';
import { errorMessage } from '../../domain/errors';
import { newId } from '../../domain/ids';
import type { Endpoint } from '../../domain/types';
import { notify } from '../../lib/notify/notify';
import { type ConflictChoice, findImportConflicts, type ImportConflict, type ImportSummary, writeRestored } from '../../lib/db/repo';
import type { ConversationBundle, ExportedEndpoint, Restored, RestoreError, RestoreResult } from '../../lib/codec/format';
import { ImportCancelled, readImportFile } from '../../lib/codec/import-client';
import type { ImportProgress } from '../../lib/codec/import-core';
import { restore } from '../../lib/codec/restore';
import { checkSettings, SETTINGS_LABEL, writeSettings, type SettingsSnapshot } from '../../lib/storage/settings-backup';
import { useWorkspaceStore } from '../conversations/workspace-store';
import { REFERENCE_ENDPOINT_ID, useEndpointsStore } from '../endpoints/endpoints-store';
import { ask } from './questions';

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

export type ImportOutcome =
  { ok: true; summary: ImportSummary } | { ok: false; error: RestoreError | { message: string }; cancelled?: boolean };

/**
 * The largest file imported. The worker reads a file into one string before parsing it, and a
 * browser's longest string is about 512 MB (V8: 2^29 − 24 characters), so the limit is stated
 * under it and checked before a byte is read.
 */
export const MAX_IMPORT_MB = 500;
const MAX_IMPORT_BYTES = MAX_IMPORT_MB * 1024 * 1024;

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

/** A backup's settings that pass their stores' rules, and whether the person wants them restored. Null: cancelled. */
async function chooseSettings(restored: Restored): Promise<SettingsSnapshot | null> {
  if (!restored.settings) return {};
  const { valid } = checkSettings(restored.settings);
  const names = (Object.keys(valid) as (keyof typeof SETTINGS_LABEL)[]).map((k) => SETTINGS_LABEL[k]);
  if (names.length === 0) return {};
  const answer = await ask({
    title: 'Restore the settings in this backup too?',
    text: 'Profiles and presets are merged by id (the API keys you entered stay as they are; the backup has none), price edits are merged per model, compare and layout settings are replaced. The page reloads to apply them.',
    details: names,
    choices: [
      { value: 'restore', label: 'Restore settings' },
      { value: 'skip', label: 'Conversations only', primary: true },
    ],
  });
  return answer === null ? null : answer === 'restore' ? valid : {};
}

export interface ImportOptions {
  open?: boolean;
  /** Called as the worker reads and checks a file, and once more when saving starts. */
  onProgress?: (progress: ImportProgress | { phase: 'saving' }) => void;
  signal?: AbortSignal;
}

/**
 * Imports a file's text, a pasted link or JSON: validates everything first, asks when it would
 * change the active endpoint or meet a conversation id already taken by different content, and
 * writes in one transaction, so a bad input writes nothing. Opens the conversation when there is just one.
 */
export async function importText(text: string, opts: ImportOptions = {}): Promise<ImportOutcome> {
  return importRestored(restore(text), opts);
}

async function importRestored(result: RestoreResult, opts: ImportOptions): Promise<ImportOutcome> {
  if (!result.ok) {
    notify(`Import failed. ${result.error.message}`, 'error', { ms: 12_000 });
    return { ok: false, error: result.error };
  }
  try {
    const opening = result.value.conversations.length === 1 && opts.open !== false;
    const endpointFor = await chooseEndpoint(result.value.conversations, opening);
    const onConflict = endpointFor && (await chooseOnConflict(await findImportConflicts(result.value)));
    const settings = onConflict && (await chooseSettings(result.value));
    if (!endpointFor || !onConflict || !settings || opts.signal?.aborted) {
      notify(CANCELLED, 'info');
      return { ok: false, error: { message: CANCELLED }, cancelled: true };
    }
    opts.onProgress?.({ phase: 'saving' });
    const summary = await writeRestored(result.value, endpointFor, onConflict);
    notify(summaryText(summary), 'success');
    if (Object.keys(settings).length > 0) {
      writeSettings(settings);
      // The stores read their settings as the page loads; nothing else is waiting to be saved.
      window.location.reload();
      return { ok: true, summary };
    }
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

/** Imports a file: refused past the limit before anything is read, then read and checked off the page's thread (Cancel: opts.signal). */
export async function importFile(file: File, opts: ImportOptions = {}): Promise<ImportOutcome> {
  if (file.size > MAX_IMPORT_BYTES) {
    const message = `${file.name} is ${Math.ceil(file.size / 1024 / 1024)} MB; files up to ${MAX_IMPORT_MB} MB can be imported.`;
    notify(`Import failed. ${message}`, 'error');
    return { ok: false, error: { message } };
  }
  let result: RestoreResult;
  try {
    result = await readImportFile(file, {
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (err) {
    const cancelled = err instanceof ImportCancelled;
    const message = cancelled ? CANCELLED : `Import failed, nothing was written: ${errorMessage(err)}`;
    notify(message, cancelled ? 'info' : 'error');
    return { ok: false, error: { message }, cancelled };
  }
  return importRestored(result, opts);
}
