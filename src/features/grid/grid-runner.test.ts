import { describe, expect, it } from 'vitest';
import { emptyCell, type Grid, type GridCell } from '../../domain/grid';
import { createMessage, newConversation } from '../../domain/factories';
import { textContent } from '../../domain/messages';
import { choice, completion, params, result, testDeps } from '../generation/run-test-support';
import type { CompletionOptions, CompletionResult } from '../../lib/openai/client';
import { runGrid, type GridRunDeps } from './grid-runner';

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
});
