import type { Conversation } from './types';

/** The search words of a query: lower-cased, split on white space; every one must match. */
export function searchTerms(query: string): string[] {
  return [
    ...new Set(
      query
        .toLowerCase()
        .split(/\s+/)
        .filter((t) => t !== ''),
    ),
  ];
}

export function matchesAll(haystackLower: string, terms: readonly string[]): boolean {
  for (const t of terms) if (!haystackLower.includes(t)) return false;
  return true;
}

export interface Segment {
  text: string;
  match: boolean;
}

/** Splits `text` into plain and matching runs (case-insensitive), for highlighting without HTML. */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  if (terms.length === 0 || text === '') return [{ text, match: false }];
  const lower = text.toLowerCase();
  // Only when lower-casing keeps positions (almost always); otherwise show the text plain.
  if (lower.length !== text.length) return [{ text, match: false }];
  const marks = new Uint8Array(text.length);
  for (const t of terms) {
    for (let i = lower.indexOf(t); i !== -1; i = lower.indexOf(t, i + t.length)) marks.fill(1, i, i + t.length);
  }
  const out: Segment[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || marks[i] !== marks[start]) {
      out.push({ text: text.slice(start, i), match: marks[start] === 1 });
      start = i;
    }
  }
  return out;
}

/** A one-line excerpt of `text` around the first match of any term. */
export function snippet(text: string, terms: readonly string[], before = 24, length = 90): string | null {
  const lower = text.toLowerCase();
  let at = -1;
  for (const t of terms) {
    const i = lower.indexOf(t);
    if (i !== -1 && (at === -1 || i < at)) at = i;
  }
  if (at === -1) return null;
  const from = Math.max(0, at - before);
  const piece = text
    .slice(from, from + length)
    .replace(/\s+/g, ' ')
    .trim();
  return `${from > 0 ? '…' : ''}${piece}${from + length < text.length ? '…' : ''}`;
}

const DAY = 86_400_000;

function startOfDay(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** The sidebar group of a conversation last active at `t`: Today, Yesterday, Previous 7 days, Previous 30 days, then by month. */
export function dayGroup(t: number, now: number): string {
  const today = startOfDay(now);
  if (t >= today) return 'Today';
  if (t >= today - DAY) return 'Yesterday';
  if (t >= today - 7 * DAY) return 'Previous 7 days';
  if (t >= today - 30 * DAY) return 'Previous 30 days';
  const d = new Date(t);
  const sameYear = d.getFullYear() === new Date(now).getFullYear();
  return d.toLocaleDateString('en', sameYear ? { month: 'long' } : { month: 'long', year: 'numeric' });
}

/** What a sidebar row needs of a conversation. */
export type ConversationSummary = Pick<Conversation, 'id' | 'title' | 'updatedAt' | 'pinnedAt' | 'tags'>;

export function summarize(c: ConversationSummary): ConversationSummary {
  return {
    id: c.id,
    title: c.title,
    updatedAt: c.updatedAt,
    ...(c.pinnedAt !== undefined ? { pinnedAt: c.pinnedAt } : {}),
    ...(c.tags?.length ? { tags: c.tags } : {}),
  };
}

export type LibraryRow = { kind: 'header'; label: string; key: string } | { kind: 'item'; conversation: ConversationSummary; key: string };

/** Pinned first (most recently pinned on top), then newest first in day groups. `list` is newest first. */
export function libraryRows(list: readonly ConversationSummary[], now: number): LibraryRow[] {
  const rows: LibraryRow[] = [];
  const pinned = list.filter((c) => c.pinnedAt !== undefined).sort((a, b) => (b.pinnedAt ?? 0) - (a.pinnedAt ?? 0));
  if (pinned.length > 0) {
    rows.push({ kind: 'header', label: 'Pinned', key: 'h:Pinned' });
    for (const c of pinned) rows.push({ kind: 'item', conversation: c, key: c.id });
  }
  let group = '';
  for (const c of list) {
    if (c.pinnedAt !== undefined) continue;
    const g = dayGroup(c.updatedAt, now);
    if (g !== group) {
      group = g;
      rows.push({ kind: 'header', label: g, key: `h:${g}` });
    }
    rows.push({ kind: 'item', conversation: c, key: c.id });
  }
  return rows;
}
