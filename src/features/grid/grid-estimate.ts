// The estimate beside Run: each cell's substituted prompt counted by the meter's tokenizer (in its
// worker), priced with the facts the run itself will use for the column's cost.
import { estimateCells, type CellEstimate, type GridEstimate } from '../../domain/grid-estimate';
import type { Grid, GridConfig, GridRow } from '../../domain/grid';
import { encodingForModel, messageFraming, messageTokenText, REPLY_PRIMING } from '../../domain/tokens';
import type { Conversation, Message } from '../../domain/types';
import { substituteMessages } from '../../domain/variables';
import { countTexts } from '../../lib/tokens/token-counter';
import type { GenerationDeps } from '../generation/deps';
import { lanesFor } from '../generation/lanes';
import { promptOf } from './grid-runner';

/** A short content key (FNV-1a) so equal prompts are counted once and cached by the counter. */
function textKey(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `grid:${text.length}:${(h >>> 0).toString(36)}`;
}

export async function estimateRun(
  conversation: Conversation,
  path: readonly Message[],
  grid: Grid,
  targets: readonly (readonly [GridRow, GridConfig])[],
  deps: Pick<GenerationDeps, 'endpointFor' | 'modelFacts'>,
): Promise<GridEstimate | null> {
  const lanes = lanesFor(conversation, grid.configs);
  if (typeof lanes === 'string') return null;
  const prompt = promptOf(path);
  const planned: { messages: readonly Message[]; configIndex: number }[] = [];
  for (const [row, config] of targets) {
    const substituted = substituteMessages(prompt, row.values);
    // A row that lacks a value sends nothing: it costs nothing.
    if (substituted.ok) planned.push({ messages: substituted.messages, configIndex: grid.configs.findIndex((c) => c.id === config.id) });
  }
  const byEncoding = new Map<string, [string, string][]>();
  for (const { messages, configIndex } of planned) {
    const { encoding } = encodingForModel(lanes[configIndex]?.params.model ?? '');
    const items = byEncoding.get(encoding) ?? [];
    for (const m of messages) items.push([textKey(messageTokenText(m)), messageTokenText(m)]);
    byEncoding.set(encoding, items);
  }
  const counts = new Map<string, number>();
  for (const [encoding, items] of byEncoding) {
    const unique = [...new Map(items).entries()];
    const { counts: got } = await countTexts(encoding as Parameters<typeof countTexts>[0], unique);
    for (const [key, n] of got) counts.set(`${encoding}|${key}`, n);
  }
  const cells: CellEstimate[] = planned.map(({ messages, configIndex }) => {
    const lane = lanes[configIndex]!;
    const { encoding } = encodingForModel(lane.params.model);
    const promptTokens =
      REPLY_PRIMING +
      messages.reduce((sum, m) => sum + (counts.get(`${encoding}|${textKey(messageTokenText(m))}`) ?? 0) + messageFraming(m), 0);
    const { values, enabled } = lane.params;
    const maxOutputTokens = enabled.max_completion_tokens ? values.max_completion_tokens : enabled.max_tokens ? values.max_tokens : null;
    const { endpoint, apiKey } = deps.endpointFor(lane.endpointId);
    return { promptTokens, maxOutputTokens, facts: deps.modelFacts(endpoint, apiKey, lane.params.model) };
  });
  return estimateCells(cells);
}
