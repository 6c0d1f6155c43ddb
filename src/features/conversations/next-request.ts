import { createMessage } from '../../domain/factories';
import { asConversationId } from '../../domain/ids';
import { textContent } from '../../domain/messages';
import type { Message, RequestParams } from '../../domain/types';
import { dataURLsFor } from '../../lib/db/repo';
import { buildChatRequest, type BuildResult } from '../../lib/openai/request';
import type { ProviderRules } from '../../domain/provider-rules';
import { substituteKnown, type VariableValues } from '../../domain/variables';

/** A preview's body, and the variables left as written because they have no value (the send refuses them). */
export type PreviewResult = BuildResult & { missing: string[] };

/**
 * The next request of a conversation as the app would send it: the current branch, then the
 * composer's draft (when there is one) as the last user turn. One builder for the request
 * preview, the request-body export and the code export, so they always show the same request.
 */
export function nextRequestMessages(path: readonly Message[], draft: string, now = Date.now()): Message[] {
  const messages = [...path];
  if (draft.trim() !== '') {
    messages.push(createMessage(asConversationId(''), null, { role: 'user', content: textContent(draft) }, now));
  }
  return messages;
}

/**
 * The next request's body for showing (built with the endpoint's `rules`), variables replaced by
 * `values`: binary parts stand as short `data:<type>;base64,…` placeholders (nothing is read).
 */
export function previewNextRequest(
  path: readonly Message[],
  params: RequestParams,
  draft: string,
  rules: ProviderRules = {},
  values: VariableValues = {},
): PreviewResult {
  const { messages, missing } = substituteKnown(nextRequestMessages(path, draft), values);
  const built = buildChatRequest(
    messages,
    params,
    (source) => (source.kind === 'url' ? source.url : `data:${source.mimeType};base64,…`),
    rules,
  );
  return { ...built, missing };
}

/** The exact body the app sends next (built with the endpoint's `rules`), binaries inlined as data URLs read from storage. */
export async function buildNextRequest(
  path: readonly Message[],
  params: RequestParams,
  draft: string,
  rules: ProviderRules = {},
  values: VariableValues = {},
): Promise<BuildResult> {
  // Code and request-body exports show what would be sent: variables with a value replaced.
  const { messages } = substituteKnown(nextRequestMessages(path, draft), values);
  const urls = await dataURLsFor(messages);
  return buildChatRequest(messages, params, (s) => (s.kind === 'url' ? s.url : (urls.get(s.blobId) ?? '')), rules);
}
