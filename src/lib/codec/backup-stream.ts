/**
 * "Export everything" written in pieces: the file is a Blob built from one piece per conversation
 * and per binary, flushed into the Blob every few MB, so neither the whole backup nor its base64
 * ever sits in memory as one string. The result is an ordinary version 2 document (format.ts) with
 * the backup's extras (settings, grids) that `restore()` reads back exactly.
 */
import { bytesToBase64 } from './base64';
import { blobIdsOf, encodeConversation } from './encode';
import { CURRENT_VERSION, FORMAT, type BlobData, type ConversationBundle, type SettingsSection } from './format';

export interface BackupInput {
  exportedAt: Date;
  /** Each persisted store's saved value (never keys or secret header values: the caller leaves them out). */
  settings: SettingsSection | null;
  conversations: AsyncIterable<ConversationBundle>;
  /** The bytes of a binary the conversations use; undefined when it is gone. */
  readBlob(id: string): Promise<BlobData | undefined>;
}

export interface WrittenBackup {
  file: Blob;
  conversations: number;
  blobs: number;
}

/** Strings are handed to the Blob (which keeps them outside the JS heap) once this many characters wait. */
const FLUSH_CHARS = 4 * 1024 * 1024;

class PieceWriter {
  private file = new Blob([]);
  private pending: string[] = [];
  private size = 0;

  push(piece: string): void {
    this.pending.push(piece);
    this.size += piece.length;
    if (this.size >= FLUSH_CHARS) this.flush();
  }

  private flush(): void {
    this.file = new Blob([this.file, ...this.pending]);
    this.pending = [];
    this.size = 0;
  }

  done(type: string): Blob {
    return new Blob([this.file, ...this.pending], { type });
  }
}

export async function writeBackup(input: BackupInput): Promise<WrittenBackup> {
  const out = new PieceWriter();
  out.push(
    `{"format":${JSON.stringify(FORMAT)},"version":${CURRENT_VERSION},"exportedAt":${JSON.stringify(input.exportedAt.toISOString())},`,
  );
  if (input.settings) out.push(`"settings":${JSON.stringify({ version: 1, stores: input.settings })},`);
  out.push('"conversations":[');
  const blobIds = new Set<string>();
  let conversations = 0;
  for await (const bundle of input.conversations) {
    out.push(`${conversations === 0 ? '\n' : ',\n'}${JSON.stringify(encodeConversation(bundle))}`);
    for (const id of blobIdsOf(bundle.messages)) blobIds.add(id);
    conversations++;
  }
  out.push('\n],"blobs":{');
  let blobs = 0;
  for (const id of blobIds) {
    const b = await input.readBlob(id);
    if (!b) continue;
    const entry = { mimeType: b.mimeType, ...(b.name ? { name: b.name } : {}), data: bytesToBase64(b.bytes) };
    out.push(`${blobs === 0 ? '\n' : ',\n'}${JSON.stringify(id)}:${JSON.stringify(entry)}`);
    blobs++;
  }
  out.push('\n}}\n');
  return { file: out.done('application/json'), conversations, blobs };
}
