import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultRequestParams } from '../../domain/params';
import type { RequestParams } from '../../domain/types';
import { createConversation, getConversation, saveParams } from './conversations-repo';
import { PlaygroundDB, setDb } from './schema';

beforeEach(async () => {
  const d = new PlaygroundDB(`test-${Math.random()}`);
  await d.open();
  setDb(d);
});

const withTemperature = (p: RequestParams, temperature: number): RequestParams => ({
  ...p,
  enabled: { ...p.enabled, temperature: true },
  values: { ...p.values, temperature },
});

describe('saveParams', () => {
  it('writes without a base, keeping the conversation in its place in the list', async () => {
    const c = await createConversation(defaultRequestParams('m'), null);
    const next = withTemperature(c.params, 0.3);
    expect(await saveParams(c.id, next)).toEqual({ saved: true });
    const stored = await getConversation(c.id);
    expect(stored?.params).toEqual(next);
    expect(stored?.updatedAt).toBe(c.updatedAt);
  });

  it('writes when the stored parameters are still the base the edit started from', async () => {
    const c = await createConversation(defaultRequestParams('m'), null);
    const next = withTemperature(c.params, 0.5);
    expect(await saveParams(c.id, next, c.params)).toEqual({ saved: true });
    expect((await getConversation(c.id))?.params).toEqual(next);
  });

  it('compares by value, not key order', async () => {
    const c = await createConversation(defaultRequestParams('m'), null);
    const reordered = Object.fromEntries(Object.entries(c.params).reverse()) as unknown as RequestParams;
    expect(await saveParams(c.id, withTemperature(c.params, 1), reordered)).toEqual({ saved: true });
  });

  it('does not overwrite parameters another tab changed meanwhile, and says what they are', async () => {
    const c = await createConversation(defaultRequestParams('m'), null);
    const theirs = withTemperature(c.params, 1.5);
    await saveParams(c.id, theirs);
    const mine = withTemperature(c.params, 0.2);
    expect(await saveParams(c.id, mine, c.params)).toEqual({ saved: false, current: theirs });
    expect((await getConversation(c.id))?.params).toEqual(theirs);
  });

  it('treats what this tab saved before as its own', async () => {
    const c = await createConversation(defaultRequestParams('m'), null);
    const first = withTemperature(c.params, 0.7);
    await saveParams(c.id, first);
    const second = withTemperature(c.params, 0.8);
    expect(await saveParams(c.id, second, c.params, [first])).toEqual({ saved: true });
    expect((await getConversation(c.id))?.params).toEqual(second);
  });

  it('writes nothing for a conversation that is gone', async () => {
    expect(await saveParams('missing', defaultRequestParams('m'))).toEqual({ saved: false });
    expect(await getConversation('missing')).toBeUndefined();
  });
});
