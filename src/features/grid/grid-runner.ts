// Runs the cells of a prompt grid: each cell is the conversation with the row's values, sent to the
// column's configuration through the run engine's own pieces (lanes, provider rules, request
// builder, completion client), with a limit of requests in flight per endpoint profile.
import { emptyCell, type Grid, type GridCell, type GridRow, type GridConfig } from '../../domain/grid';
import { costUSD } from '../../domain/model-facts';
import { providerRulesFor } from '../../domain/provider-rules';
import { keyHeaderFor } from '../../domain/endpoints';
import type { BinarySource, Conversation, Message } from '../../domain/types';
import { missingVariablesMessage, substituteMessages } from '../../domain/variables';
import { buildChatRequest } from '../../lib/openai/request';
import type { CompletionResult } from '../../lib/openai/client';
import type { GenerationDeps } from '../generation/deps';
import { lanesFor } from '../generation/lanes';
import type { Lane } from '../generation/start-requests';

export type GridRunDeps = Pick<GenerationDeps, 'complete' | 'endpointFor' | 'modelFacts' | 'settings' | 'clock'> & {
  dataURLsFor(messages: readonly Message[]): Promise<Map<string, string>>;
  /** Stores cells (the run's checkpoints); never throws into the run. */
  save(cells: GridCell[]): Promise<void>;
};

export interface GridRun {
  conversation: Conversation;
  path: readonly Message[];
  grid: Grid;
  /** The cells to run, as [row, config] pairs. */
  targets: readonly (readonly [GridRow, GridConfig])[];
  signal: AbortSignal;
  /** Each change of a cell (queued, each streamed piece, finished). */
  onCell(cell: GridCell): void;
}

/** What a cell sends: the conversation as it stands, without a last reply (each cell is a new reply to that turn, as in compare). */
export function promptOf(path: readonly Message[]): readonly Message[] {
  return path.at(-1)?.role === 'assistant' ? path.slice(0, -1) : path;
}

/** How often a streaming cell's text is written to storage (a reload keeps what arrived until then). */
export const CELL_CHECKPOINT_MS = 1000;

/** A counting semaphore: `limit` holders at once, the others wait in order. */
function semaphore(limit: number) {
  let held = 0;
  const waiting: (() => void)[] = [];
  return {
    async acquire(): Promise<() => void> {
      if (held >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
      held++;
      return () => {
        held--;
        waiting.shift()?.();
      };
    },
  };
}

export async function runGrid(run: GridRun, deps: GridRunDeps): Promise<void> {
  const { conversation, grid, signal, onCell } = run;
  const now = () => deps.clock.now();
  const set = (cell: GridCell) => {
    onCell(cell);
    return cell;
  };
  const queued = run.targets.map(([row, config]) => set({ ...emptyCell(conversation.id, row.id, config.id, now()), status: 'queued' }));
  await deps.save(queued);

  const lanes = lanesFor(conversation, grid.configs);
  const blobs = await deps.dataURLsFor(run.path);
  const resolve = (s: BinarySource) => (s.kind === 'url' ? s.url : (blobs.get(s.blobId) ?? ''));
  // One limit per endpoint profile: columns on the same profile share it.
  const limits = new Map<string, ReturnType<typeof semaphore>>();
  const limitFor = (endpointId: string) => {
    if (!limits.has(endpointId)) limits.set(endpointId, semaphore(Math.max(1, grid.concurrency)));
    return limits.get(endpointId)!;
  };

  await Promise.all(
    run.targets.map(async ([row, config], i) => {
      const start = queued[i]!;
      const fail = (error: string) => set({ ...start, status: 'error', error, updatedAt: now() });
      if (typeof lanes === 'string') return deps.save([fail(lanes)]);
      const lane = lanes[grid.configs.findIndex((c) => c.id === config.id)];
      if (!lane) return deps.save([fail('This column is no longer in the grid.')]);
      const { endpoint } = deps.endpointFor(lane.endpointId);
      const release = await limitFor(endpoint.id).acquire();
      try {
        const cell = signal.aborted
          ? set({ ...start, status: 'interrupted', updatedAt: now() })
          : set(await runCell(run, row, lane, start, resolve, deps));
        await deps.save([cell]);
      } finally {
        release();
      }
    }),
  );
}

async function runCell(
  run: GridRun,
  row: GridRow,
  lane: Lane,
  start: GridCell,
  resolve: (s: BinarySource) => string,
  deps: GridRunDeps,
): Promise<GridCell> {
  const now = () => deps.clock.now();
  const fail = (error: string) => ({ ...start, status: 'error' as const, error, updatedAt: now() });
  const substituted = substituteMessages(promptOf(run.path), row.values);
  if (!substituted.ok) return fail(missingVariablesMessage(substituted.missing).replace('the Variables panel', 'this row'));
  // A cell is one reply: `n` is not sent (it would be several).
  const params = { ...lane.params, enabled: { ...lane.params.enabled, n: false } };
  const { endpoint, apiKey } = deps.endpointFor(lane.endpointId);
  const facts = deps.modelFacts(endpoint, apiKey, params.model);
  const built = buildChatRequest(substituted.messages, params, resolve, providerRulesFor(endpoint, facts));
  if (!built.ok) return fail(built.error.message);

  let cell: GridCell = { ...start, status: 'streaming', request: built.body, updatedAt: now() };
  run.onCell(cell);
  await deps.save([cell]);
  let lastSaved = now();
  const settings = deps.settings();
  const timeout = settings.firstByteTimeoutMs(built.body.stream);
  const result: CompletionResult = await deps.complete({
    endpoint: { baseURL: endpoint.baseURL, apiKey, headers: endpoint.headers, keyHeader: keyHeaderFor(endpoint) },
    body: built.body,
    signal: run.signal,
    maxRetries: settings.maxRetries,
    ...(timeout !== undefined ? { firstByteTimeoutMs: timeout } : {}),
    now: deps.clock.now,
    onUpdate: (c) => {
      cell = { ...cell, text: c.choices[0]?.content ?? '', updatedAt: now() };
      run.onCell(cell);
      if (now() - lastSaved >= CELL_CHECKPOINT_MS) {
        lastSaved = now();
        void deps.save([cell]);
      }
    },
  });
  const choice = result.completion.choices[0];
  const usage = result.completion.usage ?? choice?.usage ?? null;
  const { startedAt, firstTokenAt, finishedAt } = result.timing;
  const promptTokens = usage?.promptTokens ?? null;
  const completionTokens = usage?.completionTokens ?? null;
  const cost =
    promptTokens !== null && completionTokens !== null
      ? costUSD(
          { promptTokens, completionTokens, ...(usage?.cachedPromptTokens ? { cachedPromptTokens: usage.cachedPromptTokens } : {}) },
          facts,
        )
      : null;
  const status = result.outcome === 'done' ? 'done' : result.outcome === 'error' ? 'error' : 'interrupted';
  const finished: GridCell = {
    ...cell,
    status,
    text: choice?.content ?? cell.text,
    finishReason: choice?.finishReason ?? null,
    promptTokens,
    completionTokens,
    ttftMs: firstTokenAt !== null ? firstTokenAt - startedAt : null,
    totalMs: finishedAt - startedAt,
    cost,
    error: result.error?.message ?? null,
    updatedAt: now(),
  };
  run.onCell(finished);
  return finished;
}
