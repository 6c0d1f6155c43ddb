import { describe, expect, it } from 'vitest';
import { emptyCell, type Grid, type GridCell } from '../../domain/grid';
import { createMessage, newConversation } from '../../domain/factories';
import { textContent } from '../../domain/messages';
import { choice, completion, params, result, scriptedClient, testDeps } from '../generation/run-test-support';
import type { CompletionOptions, CompletionResult } from '../../lib/openai/client';
import { MAX_RATE_LIMIT_RETRIES, runGrid, type GridRunDeps } from './grid-runner';
import type { LaneView } from './lane-gate';

function setup(concurrency: number, rows: Grid['rows']) {
  const conversation = newConversation(params(), null);
  const user = createMessage(conversation.id, null, { role: 'user', content: textContent('Say {{word}}') });
  const reply = createMessage(conversation.id, user.id, { role: 'assistant', content: textContent('old reply') });
  const grid: Grid = {
    conversationId: conversation.id,
    rows,
    configs: [
      { id: 'a', endpointId: 'one', model: 'm-a', overrides: '' },
      { id: 'b', endpointId: 'one', model: 'm-b', overrides: '{"seed": 3}' },
    ],
    concurrency,
    updatedAt: 0,
  };
  return { conversation, path: [user, reply], grid };
}

/** A client whose requests finish only when released, so the test sees how many are in flight. */
function gatedClient() {
  const calls: CompletionOptions[] = [];
  const gates: ((r: CompletionResult) => void)[] = [];
  let inFlight = 0;
  let most = 0;
  const complete = (opts: CompletionOptions) =>
    new Promise<CompletionResult>((resolve) => {
      calls.push(opts);
      inFlight++;
      most = Math.max(most, inFlight);
      gates.push((r) => {
        inFlight--;
        resolve(r);
      });
    });
  return { complete, calls, gates, most: () => most };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('runGrid', () => {
  it('sends each row through each configuration, at most `concurrency` at once per endpoint profile', async () => {
    const rows = [1, 2, 3].map((n) => ({ id: `r${n}`, values: { word: `w${n}` } }));
    const { conversation, path, grid } = setup(2, rows);
    const client = gatedClient();
    const cells = new Map<string, GridCell>();
    const deps: GridRunDeps = { ...testDeps(client.complete), dataURLsFor: async () => new Map(), save: async () => undefined };
    const done = runGrid(
      {
        conversation,
        path,
        grid,
        targets: rows.flatMap((r) => grid.configs.map((c) => [r, c] as const)),
        signal: new AbortController().signal,
        onCell: (c) => void cells.set(c.id, c),
      },
      deps,
    );
    for (let i = 0; i < 6; i++) {
      await flush();
      expect(client.calls.length).toBe(Math.min(6, i + 2));
      client.gates[i]!(result(completion([choice(0, `reply ${i}`)])));
    }
    await done;
    expect(client.most()).toBe(2);
    // The last reply is left out (a cell is a new reply to that turn); the row's value is in the request.
    const bodies = client.calls.map((c) => [c.body.model, c.body.seed, JSON.stringify(c.body.messages)]);
    expect(bodies).toContainEqual(['m-b', 3, JSON.stringify([{ role: 'user', content: 'Say w2' }])]);
    expect([...cells.values()].map((c) => c.status)).toEqual(Array(6).fill('done'));
  });

  it('a row without a value for a variable fails its cells with the name, and sends nothing', async () => {
    const rows = [{ id: 'r1', values: {} }];
    const { conversation, path, grid } = setup(4, rows);
    const client = gatedClient();
    const cells: GridCell[] = [];
    await runGrid(
      {
        conversation,
        path,
        grid,
        targets: grid.configs.map((c) => [rows[0]!, c] as const),
        signal: new AbortController().signal,
        onCell: (c) => void cells.push(c),
      },
      { ...testDeps(client.complete), dataURLsFor: async () => new Map(), save: async () => undefined },
    );
    expect(client.calls).toHaveLength(0);
    const last = cells.filter((c) => c.status === 'error');
    expect(last).toHaveLength(2);
    expect(last[0]!.error).toBe('The variable {{word}} has no value: give it one in this row (or remove it from the message).');
    expect(emptyCell('x', 'r', 'c', 0).status).toBe('idle');
  });

  it('a 429 pauses the whole lane of that profile for its Retry-After, then sends the cell again; other profiles go on', async () => {
    const rows = [1, 2].map((n) => ({ id: `r${n}`, values: { word: `w${n}` } }));
    const { conversation, path, grid: base } = setup(4, rows);
    const grid: Grid = { ...base, configs: [base.configs[0]!, { ...base.configs[1]!, endpointId: 'two' }] };
    const started: { at: number; model: unknown; word: string }[] = [];
    let limited = false;
    const client = scriptedClient(async (opts) => {
      const word = JSON.stringify(opts.body.messages).includes('w1') ? 'w1' : 'w2';
      started.push({ at: Date.now(), model: opts.body.model, word });
      if (opts.body.model === 'm-a' && !limited) {
        limited = true;
        return {
          ...result(completion([]), 'error'),
          status: 429,
          error: { kind: 'http', status: 429, message: 'Rate limit reached', retryable: true, retryAfterMs: 300 },
        };
      }
      return result(completion([choice(0, `ok ${word}`)]));
    });
    const lanes: LaneView[] = [];
    const cells = new Map<string, GridCell>();
    const deps: GridRunDeps = {
      ...testDeps(client.complete, { clock: { now: () => Date.now(), setTimeout, clearTimeout } }),
      dataURLsFor: async () => new Map(),
      save: async () => undefined,
    };
    grid.concurrency = 1;
    const t0 = Date.now();
    await runGrid(
      {
        conversation,
        path,
        grid,
        targets: rows.flatMap((r) => grid.configs.map((c) => [r, c] as const)),
        signal: new AbortController().signal,
        onCell: (c) => void cells.set(c.id, c),
        onLane: (v) => void lanes.push(v),
      },
      deps,
    );
    expect([...cells.values()].map((c) => c.status)).toEqual(Array(4).fill('done'));
    const laneA = started.filter((s) => s.model === 'm-a');
    const laneB = started.filter((s) => s.model === 'm-b');
    // Lane A: the 429, then nothing (not even the other row) until Retry-After passed; the refused cell goes first.
    expect(laneA.map((s) => s.word)).toEqual(['w1', 'w1', 'w2']);
    expect(laneA[1]!.at - t0).toBeGreaterThanOrEqual(290);
    // Lane B did not wait.
    expect(laneB.every((s) => s.at - t0 < 200)).toBe(true);
    expect(lanes.find((v) => v.state === 'waiting')).toMatchObject({ endpointId: 'one', reason: 'rate limited (429)' });
    expect(lanes.at(-1)?.state).not.toBe('waiting');
  });

  it('a cell refused with 429 more than the bound fails with the 429 (never retried forever)', async () => {
    const rows = [{ id: 'r1', values: { word: 'w1' } }];
    const { conversation, path, grid } = setup(4, rows);
    const client = scriptedClient(async () => ({
      ...result(completion([]), 'error'),
      status: 429,
      error: { kind: 'http', status: 429, message: 'Rate limit reached', retryable: true, retryAfterMs: 1 },
    }));
    const cells = new Map<string, GridCell>();
    await runGrid(
      {
        conversation,
        path,
        grid: { ...grid, configs: [grid.configs[0]!] },
        targets: [[rows[0]!, grid.configs[0]!]],
        signal: new AbortController().signal,
        onCell: (c) => void cells.set(c.id, c),
      },
      {
        ...testDeps(client.complete, { clock: { now: () => Date.now(), setTimeout, clearTimeout } }),
        dataURLsFor: async () => new Map(),
        save: async () => undefined,
      },
    );
    expect(client.calls).toHaveLength(MAX_RATE_LIMIT_RETRIES + 1);
    expect(client.calls.every((c) => c.maxRetries === 0)).toBe(true);
    expect([...cells.values()][0]).toMatchObject({ status: 'error', error: 'Rate limit reached' });
  });

  it('low x-ratelimit-remaining-requests slows the lane before a 429: one in flight, starts spaced over the reset', async () => {
    const rows = [1, 2, 3, 4].map((n) => ({ id: `r${n}`, values: { word: `w${n}` } }));
    const { conversation, path, grid } = setup(2, rows);
    const one = { ...grid, configs: [grid.configs[0]!] };
    const started: number[] = [];
    let inFlight = 0;
    let most = 0;
    const client = scriptedClient(async () => {
      started.push(Date.now());
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 10));
      inFlight--;
      return {
        ...result(completion([choice(0, 'ok')])),
        headers: { 'x-ratelimit-remaining-requests': '2', 'x-ratelimit-reset-requests': '400ms' },
      };
    });
    const lanes: LaneView[] = [];
    await runGrid(
      {
        conversation,
        path,
        grid: one,
        targets: rows.map((r) => [r, one.configs[0]!] as const),
        signal: new AbortController().signal,
        onCell: () => undefined,
        onLane: (v) => void lanes.push(v),
      },
      {
        ...testDeps(client.complete, { clock: { now: () => Date.now(), setTimeout, clearTimeout } }),
        dataURLsFor: async () => new Map(),
        save: async () => undefined,
      },
    );
    expect(started).toHaveLength(4);
    // Two at once before any header was seen; then 2 left of the limit → one at a time, 400 ms / 2 apart.
    expect(started[1]! - started[0]!).toBeLessThan(50);
    expect(started[3]! - started[2]!).toBeGreaterThanOrEqual(190);
    expect(lanes.some((v) => v.state === 'slowed' && v.reason === 'few requests left (2)')).toBe(true);
  });
});
