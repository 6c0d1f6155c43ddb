import { describe, expect, it } from 'vitest';
import { publishDelay } from './frame-publisher';

describe('publishDelay: how often a streaming reply is shown', () => {
  it('shows a reading-speed stream every frame', () => {
    expect(publishDelay(1, 2, 400, 0)).toBe(10); // a 2 ms update rests 8 ms more: still every frame at 60 Hz
    expect(publishDelay(1, 2, 400, 16)).toBe(0);
  });

  it('shows a stream faster than anyone reads about 15 times a second', () => {
    expect(publishDelay(1, 1, 4000, 0)).toBeCloseTo(1000 / 15);
    expect(publishDelay(1, 1, 4000, 70)).toBe(0);
  });

  it('rests four times what an expensive update cost, at any speed', () => {
    expect(publishDelay(1, 20, 100, 0)).toBe(100);
    expect(publishDelay(1, 20, 100, 60)).toBe(40);
  });

  it('refreshes many columns less often the more there are, within 200 ms', () => {
    expect(publishDelay(8, 0, 0, 0)).toBe(120);
    expect(publishDelay(20, 0, 0, 0)).toBe(200);
    expect(publishDelay(2, 0, 0, 0)).toBe(0);
  });
});
