/** The web page export of one conversation: the codec's page, formatted by the app's own markdown code (loaded on demand). */
import { messageText } from '../../domain/messages';
import type { BlobData, ConversationBundle } from '../../lib/codec/format';
import { toHTML } from '../../lib/codec/html-page/page';
import type { DocumentV2 } from '../../lib/codec/schema';

export async function webPage(bundle: ConversationBundle, blobs: ReadonlyMap<string, BlobData>, doc: DocumentV2): Promise<string> {
  const { markdownForExport } = await import('../../components/markdown/export-tools');
  const texts = bundle.messages.map((m) => [messageText(m.content), m.reasoning ?? ''].join('\n'));
  return toHTML(bundle, blobs, doc, await markdownForExport(texts));
}
