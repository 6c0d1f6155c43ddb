import { MAX_FORMULAS } from './markdown-limits';

/**
 * Math delimiters, decided before parsing, so that remark-math sees only formulas that are closed.
 * Models write `$…$`, `$$…$$`, `\(…\)` and `\[…\]`; remark-math knows only the dollar forms, and
 * takes any `$` pair as math ("costs $5 and $10" would be a formula). So, outside code:
 * - `\(…\)` becomes `$$…$$` (inline), and `\[…\]` becomes display math (`$$` on lines of its own);
 *   a line that is only `$$…$$` becomes display math too, as readers of chat replies expect.
 * - A single `$` is math only under Pandoc's rule (pandoc.org/MANUAL.html, tex_math_dollars: "The
 *   opening $ must have a non-space character immediately to its right, while the closing $ must
 *   have a non-space character immediately to its left, and must not be followed immediately by a
 *   digit. Thus, $20,000 and $30,000 won't parse as math."), on one line. Many chat UIs turn `$…$`
 *   off instead (remark-math's `singleDollarTextMath: false`) after reports of prices rendered as
 *   formulas; ollama's app keeps it with this rule (ollama/ollama#17090). Cases from those reports
 *   are in the tests.
 * - Every `$` that does not open or close a formula is escaped (`\$`), so a formula still
 *   streaming, or a lone `$`, shows as the text it is until it closes.
 */
export interface MathSource {
  /** The text to parse with remark-math (equal to the input when there is no math). */
  text: string;
  /** How many formulas were found; none means the math plugins are not needed. */
  formulas: number;
}

const NO_MATH = (text: string): MathSource => ({ text, formulas: 0 });

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DISPLAY_OPEN = /^([ \t]*)(\$\$|\\\[)[ \t]*$/;
const DISPLAY_ONE_LINE = /^([ \t]*)(?:\$\$(.+?)\$\$|\\\[(.+?)\\\])[ \t]*$/;
const CHEAP_TEST = /\$|\\[([]/;

export function normalizeMath(source: string): MathSource {
  if (!CHEAP_TEST.test(source)) return NO_MATH(source);
  const lines = source.split('\n');
  const out: string[] = [];
  let formulas = 0;
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence !== null) {
      const m = FENCE.exec(line);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.trim() === m[1]) fence = null;
      out.push(line);
      continue;
    }
    const fenceOpen = FENCE.exec(line);
    if (fenceOpen) {
      fence = fenceOpen[1]!;
      out.push(line);
      continue;
    }
    const open = DISPLAY_OPEN.exec(line);
    if (open) {
      const closer = open[2] === '$$' ? /^[ \t]*\$\$[ \t]*$/ : /^[ \t]*\\\][ \t]*$/;
      const end = lines.findIndex((l, j) => j > i && closer.test(l));
      if (end !== -1) {
        // Display math: the lines between are TeX, copied as they are.
        out.push(`${open[1]}$$`, ...lines.slice(i + 1, end), `${open[1]}$$`);
        formulas++;
        i = end;
        continue;
      }
      // Not closed (yet): shown as text.
      out.push(line.replace(open[2]!, () => (open[2] === '$$' ? '\\$\\$' : '\\\\[')));
      continue;
    }
    const oneLine = DISPLAY_ONE_LINE.exec(line);
    const body = oneLine ? (oneLine[2] ?? oneLine[3]!) : '';
    if (oneLine && body.trim() !== '' && !/\$\$|\\[[\]]/.test(body)) {
      out.push(`${oneLine[1]}$$`, `${oneLine[1]}${body.trim()}`, `${oneLine[1]}$$`);
      formulas++;
      continue;
    }
    const inline = inlineMath(line);
    formulas += inline.formulas;
    out.push(inline.text);
  }
  // Too many formulas to typeset in one go (markdown-limits.ts): the block keeps its TeX as text.
  return formulas === 0 || formulas > MAX_FORMULAS ? NO_MATH(source) : { text: out.join('\n'), formulas };
}

/** One line of prose: code spans kept, inline formulas normalized, other dollars escaped. */
function inlineMath(line: string): MathSource {
  let out = '';
  let formulas = 0;
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === '\\') {
      const next = line[i + 1];
      const closer = next === '(' ? '\\)' : next === '[' ? '\\]' : null;
      const end = closer ? line.indexOf(closer, i + 2) : -1;
      if (closer && end > i + 2 && !line.slice(i + 2, end).includes('$$')) {
        out += `$$${line.slice(i + 2, end)}$$`;
        formulas++;
        i = end + 2;
      } else {
        // An escape: the two characters stay together (`\$` stays a literal dollar).
        out += line.slice(i, i + 2);
        i += 2;
      }
      continue;
    }
    if (c === '`') {
      const run = runLength(line, i, '`');
      const end = findRun(line, i + run, '`', run);
      if (end === -1) {
        out += line.slice(i, i + run);
        i += run;
      } else {
        out += line.slice(i, end + run);
        i = end + run;
      }
      continue;
    }
    if (c === '$') {
      const run = runLength(line, i, '$');
      const end = run <= 2 ? findRun(line, i + run, '$', run) : -1;
      if (end !== -1 && closes(line, i, run, end)) {
        out += line.slice(i, end + run);
        formulas++;
        i = end + run;
      } else {
        // A lone `$` (a price, or a formula still streaming): the first one is text.
        out += '\\$';
        i += 1;
      }
      continue;
    }
    out += c;
    i++;
  }
  return { text: out, formulas };
}

/** Whether `$…$` from `start` to the run at `end` is a formula (Pandoc's rule; `$$…$$` needs only content). */
function closes(line: string, start: number, run: number, end: number): boolean {
  const content = line.slice(start + run, end);
  if (content.trim() === '') return false;
  if (run === 2) return true;
  return !/\s/.test(content[0]!) && !/\s/.test(content[content.length - 1]!) && !/[0-9]/.test(line[end + 1] ?? '');
}

function runLength(line: string, i: number, ch: string): number {
  let j = i;
  while (line[j] === ch) j++;
  return j - i;
}

/** The start of the next run of exactly `length` `ch` at or after `from`, else -1. */
function findRun(line: string, from: number, ch: string, length: number): number {
  let i = line.indexOf(ch, from);
  while (i !== -1) {
    const run = runLength(line, i, ch);
    if (run === length) return i;
    i = line.indexOf(ch, i + run);
  }
  return -1;
}
