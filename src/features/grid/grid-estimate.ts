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
  // Per row and per column once (a 200 × 4 grid has 200 prompts and 4 prices, not 800 of each).
  const tokensByRow = new Map<string, number | null>();
  const tokensOf = (row: GridRow) => {
    if (!tokensByRow.has(row.id)) {
      const substituted = substituteMessages(prompt, row.values);
      // A row that lacks a value sends nothing: it costs nothing.
      tokensByRow.set(row.id, substituted.ok ? roughPromptTokens(substituted.messages) : null);
    }
    return tokensByRow.get(row.id)!;
  };
  const columns = lanes.map((lane) => {
    const { values, enabled } = lane.params;
    const { endpoint, apiKey } = deps.endpointFor(lane.endpointId);
    return {
      maxOutputTokens: enabled.max_completion_tokens ? values.max_completion_tokens : enabled.max_tokens ? values.max_tokens : null,
      facts: deps.modelFacts(endpoint, apiKey, lane.params.model),
    };
  });
  const index = new Map(grid.configs.map((c, i) => [c.id, i]));
  const cells: CellEstimate[] = [];
  for (const [row, config] of targets) {
    const promptTokens = tokensOf(row);
    const column = columns[index.get(config.id) ?? -1];
    if (promptTokens !== null && column) cells.push({ promptTokens, ...column });
  }
  return estimateCells(cells);
}
