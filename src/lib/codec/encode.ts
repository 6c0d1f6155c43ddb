import type { Message } from '../../domain/types';
import { bytesToBase64 } from './base64';
import { CURRENT_VERSION, FORMAT, type BlobData, type ConversationBundle } from './format';
import type { DocumentV2 } from './schema';

/** Blob ids referenced by the messages (parts and audio). */
export function blobIdsOf(messages: readonly Message[]): string[] {
  const ids = new Set<string>();
  for (const m of messages) {
    for (const part of m.content) if (part.type !== 'text' && part.source.kind === 'blob') ids.add(part.source.blobId);
    if (m.audio?.blobId) ids.add(m.audio.blobId);
  }
  return [...ids];
}

function fileMessage(m: Message): Omit<Message, 'conversationId'> {
  const { conversationId: _drop, ...rest } = m;
  return rest;
}

/** One conversation as the file holds it (its grid too, when the bundle has one). */
export function encodeConversation({ conversation: c, messages, endpoint, grid }: ConversationBundle): DocumentV2['conversations'][number] {
  return {
    id: c.id,
    title: c.title,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    currentLeafId: c.currentLeafId,
    params: c.params as DocumentV2['conversations'][number]['params'],
    endpoint: endpoint
      ? { baseURL: endpoint.baseURL, name: endpoint.name, ...(endpoint.builtIn ? { builtIn: endpoint.builtIn } : {}) }
      : null,
    ...(c.pinnedAt !== undefined ? { pinned: true } : {}),
    ...(c.tags !== undefined ? { tags: c.tags } : {}),
    messages: messages.map(fileMessage) as DocumentV2['conversations'][number]['messages'],
    ...(grid ? { grid: gridEntry(grid) } : {}),
  };
}

function gridEntry({ grid, cells }: NonNullable<ConversationBundle['grid']>): NonNullable<DocumentV2['conversations'][number]['grid']> {
  const { conversationId: _c, ...rest } = grid;
  return { ...rest, cells: cells.map(({ id: _id, conversationId: _cid, ...cell }) => cell) };
}

/** The document for some conversations and the blobs they use. Never includes keys or headers. */
export function encodeDocument(
  bundles: readonly ConversationBundle[],
  blobs: ReadonlyMap<string, BlobData>,
  exportedAt = new Date(),
): DocumentV2 {
  const doc = {
    format: FORMAT,
    version: CURRENT_VERSION,
    exportedAt: exportedAt.toISOString(),
    conversations: bundles.map(encodeConversation),
    blobs: Object.fromEntries(
      [...blobs].map(([id, b]) => [id, { mimeType: b.mimeType, ...(b.name ? { name: b.name } : {}), data: bytesToBase64(b.bytes) }]),
    ),
  };
  return doc as DocumentV2;
}

export function documentToJSON(doc: DocumentV2): string {
  return JSON.stringify(doc, null, 2);
}
