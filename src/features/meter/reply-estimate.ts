/**
 * After a run: the tokenizer's count of what was sent and of each reply, stored on the reply next
 * to the server's usage. When the server sent no usage, this count becomes the usage (still marked
 * estimated), replacing the rough placeholder written at finish time.
 */
import type { Message, RequestParams } from '../../domain/types';
import { modifyMessage } from '../../lib/db/repo';
import { countCompletion, countPrompt } from './prompt-count';

export async function recordReplyEstimates(path: readonly Message[], replies: readonly Message[], params: RequestParams): Promise<void> {
  const sent = path.filter((m) => m.status !== 'streaming');
  const prompts = new Map<string, number>();
  for (const reply of replies) {
    const model = reply.model ?? params.model;
    let promptTokens = prompts.get(model);
    if (promptTokens === undefined) {
      promptTokens = (await countPrompt({ sent, params: { ...params, model }, draft: '', attached: [] })).breakdown.total;
      prompts.set(model, promptTokens);
    }
    const completionTokens = await countCompletion(reply, model);
    const estimate = { promptTokens, completionTokens };
    await modifyMessage(reply.id, (m) =>
      m.usageEstimated || !m.usage
        ? {
            ...m,
            tokenEstimate: estimate,
            usage: { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens, raw: {} },
            usageEstimated: true,
          }
        : { ...m, tokenEstimate: estimate },
    );
  }
}
