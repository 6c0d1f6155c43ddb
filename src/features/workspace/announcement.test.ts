import { describe, expect, it } from 'vitest';
import type { RunState } from '../generation/live-run-store';
import { useLiveRuns } from '../generation/live-run-store';
import { announcement } from './ReplyAnnouncer';

const run = (ids: string[]): RunState => ({
  requestId: 'r',
  messageIds: ids,
  phase: 'streaming',
  retry: null,
  choices: {},
  abort: () => undefined,
});
const choice = (content: string) => ({ content, reasoning: '', refusal: '', toolCalls: [], finishReason: 'stop' as const });

describe('announcement', () => {
  const base = useLiveRuns.getState();
  it('speaks the opening of a finished reply, shortened', () => {
    const state = { ...base, settled: { m1: { status: 'done' as const, choice: choice('x'.repeat(400)) } } };
    const said = announcement(run(['m1']), state, 'c1');
    expect(said.startsWith('Reply finished: xxx')).toBe(true);
    expect(said.endsWith('…')).toBe(true);
    expect(said.length).toBeLessThan(310);
  });
  it('says when a reply was stopped or several choices arrived', () => {
    const state = {
      ...base,
      settled: {
        a: { status: 'interrupted' as const, choice: choice('Half') },
        b: { status: 'interrupted' as const, choice: choice('Other') },
      },
    };
    expect(announcement(run(['a', 'b']), state, 'c1')).toBe('Reply stopped (2 choices): Half');
  });
  it('reads the error when nothing arrived', () => {
    const state = { ...base, errors: { c1: { kind: 'http' as const, message: 'Server error 500' } } };
    expect(announcement(run([]), state, 'c1')).toBe('Request failed: Server error 500');
  });
});
