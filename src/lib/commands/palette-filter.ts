/**
 * How the command palette matches what is typed (cmdk's `filter`). Each typed word must appear in
 * the entry's text or keywords: cmdk's default fuzzy match lets "alpha" pick "Code for the next
 * request" (a…l…p…h…a across its keywords), which grows worse with every command added.
 * Higher scores sort first: the title starting with the query, then every word starting a word of
 * the title, then matches anywhere (keywords included).
 */
export function paletteScore(value: string, search: string, keywords: readonly string[] = []): number {
  const query = search.trim().toLowerCase();
  if (query === '') return 1;
  const title = value.toLowerCase();
  const haystack = `${title} ${keywords.join(' ').toLowerCase()}`;
  const words = query.split(/\s+/);
  if (!words.every((w) => haystack.includes(w))) return 0;
  if (title.startsWith(query)) return 1;
  const titleWords = title.split(/[^\p{L}\p{N}]+/u);
  if (words.every((w) => titleWords.some((t) => t.startsWith(w)))) return 0.8;
  return 0.5;
}
