/**
 * What "Export everything" reads, one conversation at a time (with its prompt grid), so a large
 * library is never held in memory at once: the backup writer turns each into a piece of the file.
 */
import type { Conversation } from '../../domain/types';
import type { BlobData, ConversationBundle } from '../codec/format';
import { db } from './schema';
import type { EndpointOf } from './transfer-repo';

/** Every stored conversation, newest first, with all its messages and its grid. */
export async function* backupConversations(endpointOf: EndpointOf): AsyncGenerator<ConversationBundle> {
  const d = db();
  const ids = (await d.conversations.orderBy('updatedAt').reverse().primaryKeys()) as string[];
  for (const id of ids) {
    const conversation: Conversation | undefined = await d.conversations.get(id);
    if (!conversation) continue; // deleted while the backup was being written
    const messages = await d.messages.where('[conversationId+createdAt]').between([id, -Infinity], [id, Infinity]).toArray();
    const grid = await d.grids.get(id);
    const cells = grid ? await d.gridCells.where('conversationId').equals(id).toArray() : [];
    yield { conversation, messages, endpoint: endpointOf(conversation), ...(grid ? { grid: { grid, cells } } : {}) };
  }
}

/** One stored binary's bytes, for the backup; undefined when it is gone. */
export async function readBlobData(id: string): Promise<BlobData | undefined> {
  const row = await db().blobs.get(id);
  return row ? { mimeType: row.mimeType || row.blob.type, bytes: new Uint8Array(await row.blob.arrayBuffer()) } : undefined;
}
