/**
 * The one way in: every import (our JSON of any version, an exported HTML page, a share link,
 * a plain OpenAI request body or `messages` array) goes through `restore()`, which validates,
 * migrates and returns conversations ready to store — or a precise error. It never writes anything
 * and never executes anything from the input.
 */
import { asConversationId, asParentId } from '../../domain/ids';
import * as v from 'valibot';
import { DEFAULT_PARAM_VALUES } from '../../domain/params';
import type { Conversation, Message, ParamKey, ParamValues } from '../../domain/types';
import { base64ToBytes } from './base64';
import {
  CURRENT_VERSION,
  FORMAT,
  restoreError,
  type BlobData,
  type ConversationBundle,
  type RestoreError,
  type RestoreResult,
  type RestoreSource,
} from './format';
import { cellId } from '../../domain/grid';
import { conversationFromWire, paramsFromBody, wireMessagesSchema } from './from-openai';
import { extractEmbeddedJSON } from './html';
import { MIGRATIONS } from './migrations';
import { describeIssue, documentSchema, type ConversationV2, type DocumentV2 } from './schema';
import { inflatePayload, sharePayload } from './share-link';
import { checkTree } from './tree-guard';
import { errorMessage } from '../../domain/errors';

export interface RestoreOptions {
  /** Clock for ids/times of formats that have none (request bodies, v1 files). */
  now?: number;
}

const PARAM_KEYS = new Set(Object.keys(DEFAULT_PARAM_VALUES));

function failIssue(issues: readonly v.BaseIssue<unknown>[], prefix = '') {
  const { path, reason } = describeIssue(issues[0]!);
  const full = prefix && path !== '(top level)' ? `${prefix}${path.startsWith('[') ? '' : '.'}${path}` : prefix || path;
  return restoreError(full, reason);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function restore(input: unknown, options: RestoreOptions = {}): RestoreResult {
  const now = options.now ?? Date.now();
  if (typeof input !== 'string') return restoreValue(input, 'app', now);
  const text = input.trim();
  if (text === '') return restoreError('', 'The file is empty.');

  // A page first: its text may quote a share link (`#share=…`), which is not what is being imported.
  if (text.startsWith('<')) {
    const json = extractEmbeddedJSON(text);
    if (json === null)
      return restoreError('', 'This HTML page has no conversation data in it (only pages exported by this app can be imported).');
    return restoreText(json, 'html', now);
  }
  const payload = sharePayload(text);
  if (payload !== null && !text.startsWith('{') && !text.startsWith('[')) {
    const inflated = inflatePayload(payload);
    if (!inflated.ok) return restoreError('share link', inflated.reason);
    return restoreText(inflated.json, 'share-link', now);
  }
  return restoreText(text, 'app', now);
}

function restoreText(text: string, source: RestoreSource, now: number): RestoreResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const reason = errorMessage(e);
    return restoreError('', `Not valid JSON (${reason}). The file may be cut short or not a conversation file.`);
  }
  return restoreValue(parsed, source, now);
}

function restoreValue(value: unknown, source: RestoreSource, now: number): RestoreResult {
  const problem = checkTree(value);
  if (problem) return restoreError(problem.path, problem.reason);
  if (Array.isArray(value)) return fromWire(value, undefined, now);
  if (!isRecord(value)) return restoreError('', 'Expected a conversation file, an OpenAI request body or a messages array.');
  if ('format' in value) {
    if (value.format !== FORMAT) return restoreError('format', `Unknown format ${JSON.stringify(value.format)}; expected "${FORMAT}".`);
    return fromAppFile(value, source, now);
  }
  if (Array.isArray(value.messages)) return fromWire(value.messages, value, now);
  return restoreError(
    '',
    'Expected a conversation file (with "format": "chat-playground"), an OpenAI request body (with "messages") or a messages array.',
  );
}

function fromWire(messages: unknown[], body: Record<string, unknown> | undefined, now: number): RestoreResult {
  if (messages.length === 0)
    return restoreError(body ? 'messages' : '', 'An empty list of messages: there is no conversation in it to import.');
  const parsed = v.safeParse(wireMessagesSchema, messages);
  if (!parsed.success) return failIssue(parsed.issues, 'messages');
  const params = paramsFromBody(body ?? {});
  if (!params.ok) return restoreError(params.path, params.reason);
  try {
    const { bundle, blobs } = conversationFromWire(parsed.output, params.params, now);
    return { ok: true, value: { source: body ? 'openai-body' : 'openai-messages', conversations: [bundle], blobs } };
  } catch {
    return restoreError('messages', 'An inline audio part is not valid base64.');
  }
}

function fromAppFile(value: Record<string, unknown>, source: RestoreSource, now: number): RestoreResult {
  const version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return restoreError('version', 'Missing or not a positive whole number.');
  if (version > CURRENT_VERSION) {
    return restoreError(
      'version',
      `This file was written by a newer version of the app (format v${version}); this build reads up to v${CURRENT_VERSION}. Update the app and try again.`,
    );
  }
  let doc: unknown = value;
  for (let from = version; from < CURRENT_VERSION; from++) {
    const step = MIGRATIONS[from];
    if (!step) return restoreError('version', `Format v${from} is not supported.`);
    const parsed = v.safeParse(step.schema, doc);
    if (!parsed.success) return failIssue(parsed.issues);
    doc = step.up(parsed.output as never, now);
  }
  const parsed = v.safeParse(documentSchema, doc);
  if (!parsed.success) return failIssue(parsed.issues);
  return checked(parsed.output, source, version);
}

/** What a schema cannot say: ids unique, parents and the current leaf exist, every blob is there. */
function checked(doc: DocumentV2, source: RestoreSource, fromVersion: number): RestoreResult {
  const blobs = new Map<string, BlobData>();
  for (const [id, b] of Object.entries(doc.blobs)) {
    try {
      blobs.set(id, { mimeType: b.mimeType, ...(b.name ? { name: b.name } : {}), bytes: base64ToBytes(b.data) });
    } catch {
      return restoreError(`blobs[${JSON.stringify(id)}].data`, 'Not valid base64 (the file may be cut short).');
    }
  }
  const conversationIds = new Set<string>();
  const messageIds = new Set<string>();
  const bundles: ConversationBundle[] = [];
  for (const [ci, c] of doc.conversations.entries()) {
    const at = `conversations[${ci}]`;
    if (conversationIds.has(c.id)) return restoreError(`${at}.id`, `Conversation id "${c.id}" appears twice.`);
    conversationIds.add(c.id);
    const own = new Set(c.messages.map((m) => m.id));
    for (const [mi, m] of c.messages.entries()) {
      const mat = `${at}.messages[${mi}]`;
      if (messageIds.has(m.id)) return restoreError(`${mat}.id`, `Message id "${m.id}" appears twice.`);
      messageIds.add(m.id);
      if (m.parentId !== null && !own.has(m.parentId))
        return restoreError(`${mat}.parentId`, `Refers to message "${m.parentId}", which is not in this conversation.`);
      for (const [pi, p] of m.content.entries()) {
        if (p.type !== 'text' && p.source.kind === 'blob' && !blobs.has(p.source.blobId)) {
          return restoreError(
            `${mat}.content[${pi}].source.blobId`,
            `Refers to binary "${p.source.blobId}", which is not in "blobs" (the file may be incomplete).`,
          );
        }
      }
      if (m.audio?.blobId !== undefined && !blobs.has(m.audio.blobId))
        return restoreError(`${mat}.audio.blobId`, `Refers to binary "${m.audio.blobId}", which is not in "blobs".`);
    }
    if (c.currentLeafId !== null && !own.has(c.currentLeafId))
      return restoreError(`${at}.currentLeafId`, `Refers to message "${c.currentLeafId}", which is not in this conversation.`);
    const gridProblem = c.grid ? checkGrid(c.grid, `${at}.grid`) : null;
    if (gridProblem) return gridProblem;
    bundles.push(toBundle(c));
  }
  const settings = doc.settings ? { settings: doc.settings.stores } : {};
  return { ok: true, value: { source, fromVersion, conversations: bundles, blobs, ...settings } };
}

/** Every cell of a grid belongs to one of its rows and columns. */
function checkGrid(grid: NonNullable<ConversationV2['grid']>, at: string): { ok: false; error: RestoreError } | null {
  const rows = new Set(grid.rows.map((r) => r.id));
  const configs = new Set(grid.configs.map((c) => c.id));
  for (const [i, cell] of grid.cells.entries()) {
    if (!rows.has(cell.rowId)) return restoreError(`${at}.cells[${i}].rowId`, `Refers to row "${cell.rowId}", which is not in this grid.`);
    if (!configs.has(cell.configId))
      return restoreError(`${at}.cells[${i}].configId`, `Refers to column "${cell.configId}", which is not in this grid.`);
  }
  return null;
}

function gridOf(conversationId: string, g: NonNullable<ConversationV2['grid']>): NonNullable<ConversationBundle['grid']> {
  const { cells, ...rest } = g;
  return {
    grid: { ...rest, conversationId },
    cells: cells.map((cell) => ({ ...cell, id: cellId(conversationId, cell.rowId, cell.configId), conversationId })),
  };
}

function toBundle(c: DocumentV2['conversations'][number]): ConversationBundle {
  const values = { ...structuredClone(DEFAULT_PARAM_VALUES), ...c.params.values } as ParamValues;
  const enabled: Partial<Record<ParamKey, boolean>> = {};
  for (const [k, on] of Object.entries(c.params.enabled)) if (PARAM_KEYS.has(k)) enabled[k as ParamKey] = on;
  const conversation: Conversation = {
    id: asConversationId(c.id),
    title: c.title,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    currentLeafId: asParentId(c.currentLeafId),
    params: { model: c.params.model, values, enabled, extraBody: c.params.extraBody },
    endpointId: null,
    // The file keeps a plain flag; the library orders pins by when they were pinned.
    ...(c.pinned === true ? { pinnedAt: c.updatedAt } : {}),
    ...(c.tags !== undefined ? { tags: c.tags } : {}),
  };
  const messages = c.messages.map((m) => ({ ...m, conversationId: c.id }) as Message);
  return {
    conversation,
    messages,
    ...(c.grid ? { grid: gridOf(c.id, c.grid) } : {}),
    endpoint: c.endpoint
      ? { baseURL: c.endpoint.baseURL, name: c.endpoint.name, ...(c.endpoint.builtIn ? { builtIn: c.endpoint.builtIn } : {}) }
      : null,
  };
}
