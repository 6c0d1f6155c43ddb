// The estimate beside Run: each cell's substituted prompt counted roughly (about four characters a
// token, as the app counts before its tokenizer has loaded: the tokenizer is the meter's, and the
// grid stays out of its chunks), priced with the facts the run itself uses for the column's cost.
import { estimateCells, roughPromptTokens, type CellEstimate, type GridEstimate } from '../../domain/grid-estimate';
import type { Grid, GridConfig, GridRow } from '../../domain/grid';
import type { Conversation, Message } from '../../domain/types';
import { substituteMessages } from '../../domain/variables';
import type { GenerationDeps } from '../generation/deps';
import { lanesFor } from '../generation/lanes';
import { promptOf } from './grid-runner';

export function estimateRun(
  conversation: Conversation,
  path: readonly Message[],
  grid: Grid,
  targets: readonly (readonly [GridRow, GridConfig])[],
  deps: Pick<GenerationDeps, 'endpointFor' | 'modelFacts'>,
): GridEstimate | null {
  const lanes = lanesFor(conversation, grid.configs);
  if (typeof lanes === 'string') return null;
  const prompt = promptOf(path);
  const planned: { messages: readonly Message[]; configIndex: number }[] = [];
  for (const [row, config] of targets) {
    const substituted = substituteMessages(prompt, row.values);
    // A row that lacks a value sends nothing: it costs nothing.
    if (substituted.ok) planned.push({ messages: substituted.messages, configIndex: grid.configs.findIndex((c) => c.id === config.id) });
  }
  const cells: CellEstimate[] = planned.map(({ messages, configIndex }) => {
    const lane = lanes[configIndex]!;
    const promptTokens = roughPromptTokens(messages);
    const { values, enabled } = lane.params;
    const maxOutputTokens = enabled.max_completion_tokens ? values.max_completion_tokens : enabled.max_tokens ? values.max_tokens : null;
    const { endpoint, apiKey } = deps.endpointFor(lane.endpointId);
    return { promptTokens, maxOutputTokens, facts: deps.modelFacts(endpoint, apiKey, lane.params.model) };
  });
  return estimateCells(cells);
}
