/**
 * Splits markdown into top-level blocks so finished blocks can be rendered once and memoized
 * while only the growing tail is re-parsed. Incremental: when the new text extends the old one
 * (streaming), scanning resumes at the last boundary, so each update costs O(new text).
 *
 * A boundary is a blank line outside a code fence that is followed by a non-indented line
 * (an indented line may continue a list item, so it stays in the same block).
 */
export interface BlockSplit {
  /** Finished blocks; the array is replaced only when a block is added. */
  done: string[];
  /** The last, possibly still growing block. */
  tail: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export class MarkdownBlockSplitter {
  private text = '';
  private done: string[] = [];
  /** Offset where the current (unfinished) block starts. */
  private blockStart = 0;
  /** Offset of the next line to scan. */
  private scanPos = 0;
  private fence: string | null = null;
  private sawBlank = false;

  update(text: string): BlockSplit {
    if (!text.startsWith(this.text)) this.reset();
    this.text = text;
    let added = false;
    for (;;) {
      const nl = text.indexOf('\n', this.scanPos);
      if (nl === -1) {
        // An incomplete last line: its first character already decides a boundary.
        if (
          this.fence === null &&
          this.sawBlank &&
          this.scanPos > this.blockStart &&
          /^[^ \t\n]/.test(text.slice(this.scanPos, this.scanPos + 1))
        ) {
          this.done.push(text.slice(this.blockStart, this.scanPos));
          this.blockStart = this.scanPos;
          this.sawBlank = false;
          added = true;
        }
        break;
      }
      const line = text.slice(this.scanPos, nl);
      const lineStart = this.scanPos;
      this.scanPos = nl + 1;
      if (this.fence !== null) {
        const m = FENCE.exec(line);
        if (m && m[1]![0] === this.fence[0] && m[1]!.length >= this.fence.length && line.trim() === m[1]) this.fence = null;
        continue;
      }
      if (line.trim() === '') {
        this.sawBlank = true;
        continue;
      }
      if (this.sawBlank && !/^[ \t]/.test(line) && lineStart > this.blockStart) {
        this.done.push(text.slice(this.blockStart, lineStart));
        this.blockStart = lineStart;
        added = true;
      }
      this.sawBlank = false;
      const m = FENCE.exec(line);
      if (m) this.fence = m[1]!;
    }
    if (added) this.done = this.done.slice();
    return { done: this.done, tail: text.slice(this.blockStart) };
  }

  private reset(): void {
    this.text = '';
    this.done = [];
    this.blockStart = 0;
    this.scanPos = 0;
    this.fence = null;
    this.sawBlank = false;
  }
}

export function splitMarkdownBlocks(text: string): string[] {
  const { done, tail } = new MarkdownBlockSplitter().update(text);
  return tail === '' ? done : [...done, tail];
}

/**
 * Markdown parsing runs at roughly 150–300 KB/s here, and a fast stream (or opening a long stored
 * answer) can finish hundreds of blocks at once. Finished blocks are therefore turned into markdown
 * in slices of about this many characters per task (~10–20 ms); until then they show as plain text.
 */
export const SLICE_CHARS = 3000;

/** A still-open code fence at the growing tail: `[lang, code]`, shown without a markdown parse. */
export function openFence(tail: string): [string, string] | null {
  const m = /^(`{3,}|~{3,})([^\n`]*)\n/.exec(tail);
  if (!m) return null;
  const lang = m[2]!.trim().split(/\s+/)[0] ?? '';
  return [lang, tail.slice(m[0].length).replace(/\n$/, '')];
}

/** How many of `blocks` fit in one slice after the first `from` (at least one). */
export function sliceEnd(blocks: string[], from: number): number {
  let end = from;
  let chars = 0;
  while (end < blocks.length && (end === from || chars + blocks[end]!.length <= SLICE_CHARS)) chars += blocks[end++]!.length;
  return end;
}
