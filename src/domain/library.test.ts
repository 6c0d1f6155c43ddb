import { describe, expect, it } from 'vitest';
import { dayGroup, highlight, libraryRows, searchTerms, snippet } from './library';
import type { Conversation } from './types';

const NOW = new Date(2026, 10, 22, 15, 0).getTime();
const HOUR = 3_600_000;

function conv(id: string, updatedAt: number, pinnedAt?: number): Conversation {
  return {
    id,
    title: id,
    createdAt: updatedAt,
    updatedAt,
    currentLeafId: null,
    params: {} as Conversation['params'],
    endpointId: null,
    ...(pinnedAt ? { pinnedAt } : {}),
  };
}

describe('library helpers', () => {
  it('groups by day, then by month', () => {
    expect(dayGroup(NOW - HOUR, NOW)).toBe('Today');
    expect(dayGroup(NOW - 20 * HOUR, NOW)).toBe('Yesterday');
    expect(dayGroup(NOW - 5 * 24 * HOUR, NOW)).toBe('Previous 7 days');
    expect(dayGroup(NOW - 20 * 24 * HOUR, NOW)).toBe('Previous 30 days');
    expect(dayGroup(new Date(2026, 3, 2).getTime(), NOW)).toBe('April');
    expect(dayGroup(new Date(2024, 3, 2).getTime(), NOW)).toBe('April 2024');
  });

  it('puts pinned conversations on top, then day groups newest first', () => {
    const list = [conv('a', NOW - HOUR), conv('b', NOW - 2 * HOUR, NOW), conv('c', NOW - 30 * HOUR), conv('d', NOW - 31 * HOUR)];
    const rows = libraryRows(list, NOW).map((r) => (r.kind === 'header' ? `# ${r.label}` : r.conversation.id));
    expect(rows).toEqual(['# Pinned', 'b', '# Today', 'a', '# Yesterday', 'c', 'd']);
  });

  it('highlights every occurrence of every term, case-insensitively', () => {
    expect(highlight('Zeppelin and zeppelins', searchTerms('ZEPP'))).toEqual([
      { text: 'Zepp', match: true },
      { text: 'elin and ', match: false },
      { text: 'zepp', match: true },
      { text: 'elins', match: false },
    ]);
    expect(highlight('no match', ['x'])).toEqual([{ text: 'no match', match: false }]);
  });

  it('cuts a one-line snippet around the first match', () => {
    const text = `${'lorem '.repeat(20)}the zeppelin\nlanded ${'ipsum '.repeat(30)}`;
    const s = snippet(text, ['zeppelin']);
    expect(s).toMatch(/^….*the zeppelin landed.*…$/);
    expect(snippet('nothing', ['zeppelin'])).toBeNull();
  });
});
