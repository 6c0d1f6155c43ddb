import { sendConversation } from '../generation/runs';
import { flushEdits } from './pending-writes';

/** Sends the conversation as it stands, after every pending edit has been saved. */
export async function sendFromEditor(): Promise<void> {
  await flushEdits();
  await sendConversation('');
}
