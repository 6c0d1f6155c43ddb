/**
 * A block of markdown that would take the markdown parser seconds (or overflow the stack) is
 * shown as plain text instead. Decided before parsing, by one linear scan of the text: the
 * parser's cost grows with nesting depth and with the number of unmatched delimiters, and both
 * can be counted without parsing. Measured (node, remark + GFM): 500 nested list levels take
 * 7.5 s and 1000 take 45 s; thousands of nested `>` overflow the stack while rendering; tens of
 * thousands of unclosed `[` or emphasis markers take tens of seconds in the browser.
 */

/** Deeper than this (quotes and list levels at the start of a line) is shown as plain text. */
export const MAX_NESTING = 32;
/** More square brackets than this in one block (a thousand links). Real replies have a few dozen at most. */
export const MAX_BRACKETS = 2000;
/**
 * More runs of emphasis or code delimiters (`*`, `_`, `~`, backticks) than this in one block. A
 * real block this rich (a list of a thousand items, each with bold and code) already takes over a
 * second to parse, so plain text is the better trade there too.
 */
export const MAX_DELIMITER_RUNS = 4000;

/**
 * More formulas than this in one block show as their TeX source: KaTeX takes about 1.5 ms a
 * formula (measured, node), so a block of hundreds would hold the page for a noticeable time.
 */
export const MAX_FORMULAS = 200;

export type ComplexityReason = 'nesting' | 'links' | 'delimiters';

/** Why this block is too costly to parse, or null when it is fine. O(length), no allocation per character. */
export function markdownTooComplex(text: string): ComplexityReason | null {
  let links = 0;
  let runs = 0;
  let fence = 0; // the fence character (` or ~) while inside fenced code, else 0
  let fenceLength = 0;
  const length = text.length;
  let i = 0;
  while (i < length) {
    // The start of a line: its container markers, then perhaps a code fence.
    const prefix = containerPrefix(text, i);
    // Inside fenced code, `>` and `-` are code, not containers.
    if (fence === 0 && prefix.depth > MAX_NESTING) return 'nesting';
    i = prefix.index;
    const fenceRun = fenceAt(text, i);
    if (fenceRun > 0) {
      const c = text.charCodeAt(i);
      if (fence === 0) [fence, fenceLength] = [c, fenceRun];
      else if (c === fence && fenceRun >= fenceLength) fence = 0;
    }
    // The rest of the line. Code inside a fence is not parsed for links or emphasis.
    for (; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */ || c === 13 /* \r */) break;
      if (fence !== 0) continue;
      if (c === 91 /* [ */ || c === 93 /* ] */) {
        if (++links > MAX_BRACKETS) return 'links';
      } else if (c === 42 /* * */ || c === 95 /* _ */ || c === 126 /* ~ */ || c === 96 /* ` */) {
        // One run of the same character counts once (`**` is one delimiter run).
        if (text.charCodeAt(i - 1) !== c && ++runs > MAX_DELIMITER_RUNS) return 'delimiters';
      }
    }
    i++;
  }
  return null;
}

/** The length of a code fence (3 or more backticks or tildes) starting at `i`, else 0. */
function fenceAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c !== 96 && c !== 126) return 0;
  let j = i;
  while (text.charCodeAt(j) === c) j++;
  return j - i >= 3 ? j - i : 0;
}

/**
 * The container nesting a line opens: each `>` and each list marker (`-`, `*`, `+`, `1.`, `1)`)
 * followed by a space counts one level, and on such a line the indentation counts one level per
 * two columns (how a nested list is written). Indentation alone (code) does not count. Returns
 * the depth and where the prefix ends; stops counting once past the limit.
 */
function containerPrefix(text: string, start: number): { depth: number; index: number } {
  let markers = 0;
  let columns = 0;
  let i = start;
  while (markers + (markers > 0 ? columns >> 1 : 0) <= MAX_NESTING) {
    const c = text.charCodeAt(i);
    if (c === 32 /* space */) {
      columns++;
      i++;
    } else if (c === 9 /* tab */) {
      columns += 4;
      i++;
    } else if (c === 62 /* > */) {
      markers++;
      i++;
    } else if ((c === 45 /* - */ || c === 42 /* * */ || c === 43) /* + */ && isSpace(text.charCodeAt(i + 1))) {
      markers++;
      i += 2;
    } else if (c >= 48 && c <= 57) {
      // An ordered list marker: up to 9 digits, then `.` or `)`, then a space.
      let j = i;
      while (j - i < 9 && isDigit(text.charCodeAt(j))) j++;
      const after = text.charCodeAt(j);
      if (!((after === 46 || after === 41) && isSpace(text.charCodeAt(j + 1)))) break;
      markers++;
      i = j + 2;
    } else break;
  }
  return { depth: markers + (markers > 0 ? columns >> 1 : 0), index: i };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
