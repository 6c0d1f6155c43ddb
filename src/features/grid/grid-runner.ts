// Runs the cells of a prompt grid: each cell is the conversation with the row's values, sent to the
// column's configuration through the run engine's own pieces (lanes, provider rules, request
// builder, completion client), with a limit of requests in flight per endpoint profile; a 429 pauses
// that profile's whole lane, and low rate-limit headers slow it down before it gets one.
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
import { pacingFrom, waitAfterRateLimit } from '../../domain/rate-pacing';
import { LaneGate, type LaneView } from './lane-gate';
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
  /** Each change of a lane (paused after a 429, slowed by its rate limits, running again). */
  onLane?(view: LaneView): void;
}

/** What a cell sends: the conversation as it stands, without a last reply (each cell is a new reply to that turn, as in compare). */
export function promptOf(path: readonly Message[]): readonly Message[] {
  return path.at(-1)?.role === 'assistant' ? path.slice(0, -1) : path;
}

/** How often a streaming cell's text is written to storage (a reload keeps what arrived until then). */
export const CELL_CHECKPOINT_MS = 1000;

/** How many times one cell goes back to its lane after a 429 before it fails with the 429. */
export const MAX_RATE_LIMIT_RETRIES = 5;
/** A lane's guess of one request's tokens before any usage came back (for the tokens limit). */
const FIRST_TOKENS_GUESS = 1000;

function sleep(ms: number, signal: AbortSignal, clock: GridRunDeps['clock']): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = clock.setTimeout(done, ms);
    function done() {
      clock.clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
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
  // One gate per endpoint profile: columns on the same profile share its limit, its pacing and its 429 pauses.
  const gates = new Map<string, LaneGate>();
  const tokensSeen = new Map<string, number>();
  const gateFor = (endpointId: string) => {
    if (!gates.has(endpointId))
      gates.set(endpointId, new LaneGate(endpointId, Math.max(1, grid.concurrency), deps.clock, (v) => run.onLane?.(v)));
    return gates.get(endpointId)!;
  };
  const maxRetries = deps.settings().maxRetries;

  try {
    await Promise.all(
      run.targets.map(async ([row, config], i) => {
        const start = queued[i]!;
        const fail = (error: string) => set({ ...start, status: 'error', error, updatedAt: now() });
        if (typeof lanes === 'string') return deps.save([fail(lanes)]);
        const lane = lanes[grid.configs.findIndex((c) => c.id === config.id)];
        if (!lane) return deps.save([fail('This column is no longer in the grid.')]);
        const { endpoint } = deps.endpointFor(lane.endpointId);
        const gate = gateFor(endpoint.id);
        let rateLimited = 0;
        let retried = 0;
        for (;;) {
          const release = await gate.acquire(signal, rateLimited + retried > 0);
          if (!release) return deps.save([set({ ...start, status: 'interrupted', updatedAt: now() })]);
          let sent: Awaited<ReturnType<typeof runCell>>;
          try {
            sent = await runCell(run, row, lane, start, resolve, deps);
          } catch (e) {
            release();
            throw e;
          }
          const { cell, result } = sent;
          if (result && cell.promptTokens !== null && cell.completionTokens !== null)
            tokensSeen.set(endpoint.id, cell.promptTokens + cell.completionTokens);
          if (result) gate.pace(pacingFrom(result.headers, grid.concurrency, tokensSeen.get(endpoint.id) ?? FIRST_TOKENS_GUESS));
          // The slot is given back only once the lane knows what this response said (its pace, a 429's pause).
          const error = result?.outcome === 'error' ? result.error : null;
          const again = { ...start, status: 'queued' as const, request: cell.request, updatedAt: now() };
          // A 429 is the lane's, not the cell's: the whole profile waits, then this cell goes first.
          if (error && result?.status === 429 && error.code !== 'insufficient_quota' && rateLimited < MAX_RATE_LIMIT_RETRIES) {
            const waitMs = waitAfterRateLimit(error.retryAfterMs, result.headers, rateLimited);
            rateLimited++;
            gate.pause(now() + waitMs, 'rate limited (429)');
            release();
            set(again);
            continue;
          }
          // Other refusals the SDKs retry (5xx, timeouts before any text): this cell alone, with backoff.
          release();
          if (error?.retryable && result?.status !== 429 && cell.text === '' && retried < maxRetries && !signal.aborted) {
            set(again);
            await sleep(waitAfterRateLimit(error.retryAfterMs, result?.headers ?? {}, retried), signal, deps.clock);
            retried++;
            continue;
          }
          return deps.save([set(cell)]);
        }
      }),
    );
  } finally {
    for (const gate of gates.values()) gate.close();
  }
}

async function runCell(
  run: GridRun,
  row: GridRow,
  lane: Lane,
  start: GridCell,
  resolve: (s: BinarySource) => string,
  deps: GridRunDeps,
): Promise<{ cell: GridCell; result: CompletionResult | null }> {
  const now = () => deps.clock.now();
  const fail = (error: string) => ({ cell: { ...start, status: 'error' as const, error, updatedAt: now() }, result: null });
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
    // Retries are the runner's (a 429 pauses the whole lane), not the client's per cell.
    maxRetries: 0,
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
  return { cell: finished, result };
}
