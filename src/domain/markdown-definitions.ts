/**
 * Link reference definitions (`[ref]: https://…`) and footnote definitions (`[^id]: note`) found
 * by a line scan, without parsing, so that a block rendered alone (see markdown-blocks.ts) can be
 * given the definitions that other blocks of the same reply hold. CommonMark rules kept: a link
 * definition cannot interrupt a paragraph, labels match case-insensitively with whitespace
 * collapsed, and code (fenced) holds no definitions.
 */

/** What a block defines: link definitions as their source line, footnotes as their markdown content. */
export interface BlockDefinitions {
  links: [label: string, line: string][];
  notes: [label: string, content: string][];
}

/** What a block refers to: every bracketed label (a superset of its link references) and its footnote calls, in order. */
export interface BlockReferences {
  links: string[];
  notes: string[];
}

/** The label as micromark compares it (`normalizeIdentifier`): whitespace collapsed, case folded. */
export function normalizeLabel(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase();
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// `[label]: destination` with an optional title; the label holds no unescaped brackets.
const LINK_DEF = /^ {0,3}\[((?:[^\\[\]]|\\.){1,999})\]:[ \t]*(?:<[^<>\n]*>|[^\s<]\S*)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*$/;
const NOTE_DEF = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]?(.*)$/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;

/**
 * The definitions at the top level of a block. With `complete` false, the last line is still
 * arriving: a definition there is not taken yet (a half-streamed URL must not become a link).
 */
export function scanDefinitions(block: string, complete = true): BlockDefinitions {
  const found: BlockDefinitions = { links: [], notes: [] };
  const lines = block.split('\n');
  if (!complete) lines.pop();
  let fence: string | null = null;
  // A definition may start here: at the start, after a blank line, a heading, a break or another definition.
  let canStart = true;
  let note: { label: string; lines: string[] } | null = null;
  const endNote = () => {
    if (note) found.notes.push([note.label, note.lines.join('\n').trim()]);
    note = null;
  };
  for (const line of lines) {
    if (fence !== null) {
      const m = FENCE.exec(line);
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && line.trim() === m[1]) fence = null;
      continue;
    }
    const noteDef = NOTE_DEF.exec(line);
    if (noteDef) {
      endNote();
      note = { label: normalizeLabel(noteDef[1]!), lines: [noteDef[2]!] };
      canStart = true;
      continue;
    }
    if (note) {
      // A footnote's content goes on with indented lines, and with blank lines before indented ones.
      const n = note as { label: string; lines: string[] };
      if (line.trim() === '' || /^(?: {4}|\t)/.test(line)) {
        n.lines.push(line.replace(/^(?: {4}|\t)/, ''));
        continue;
      }
      if (n.lines[n.lines.length - 1]!.trim() !== '') {
        // A lazy continuation line of the note's paragraph.
        n.lines.push(line);
        continue;
      }
      endNote();
    }
    if (line.trim() === '') {
      canStart = true;
      continue;
    }
    const linkDef = canStart ? LINK_DEF.exec(line) : null;
    if (linkDef) {
      found.links.push([normalizeLabel(linkDef[1]!), line.trim()]);
      continue;
    }
    const fenceOpen = FENCE.exec(line);
    if (fenceOpen) fence = fenceOpen[1]!;
    canStart = fenceOpen !== null || ATX_HEADING.test(line) || THEMATIC_BREAK.test(line);
  }
  endNote();
  return found;
}

/**
 * The labels a block may use. Every `[…]` without nested brackets counts as a possible link label
 * (`[text][ref]`, `[ref][]` and `[ref]` alike): appending a definition nothing uses changes nothing.
 * Footnote calls are `[^id]` not followed by `:` (that is a definition).
 */
export function scanReferences(block: string): BlockReferences {
  const links = new Set<string>();
  const notes: string[] = [];
  const bracket = /\[([^[\]]{1,999})\](:?)/g;
  for (let m = bracket.exec(block); m; m = bracket.exec(block)) {
    const inner = m[1]!;
    if (inner.startsWith('^')) {
      if (m[2] === '' && !/\s/.test(inner)) notes.push(normalizeLabel(inner.slice(1)));
    } else {
      links.add(normalizeLabel(inner));
    }
    // `[a]:` ends a definition label; what follows may still hold brackets.
    bracket.lastIndex = m.index + m[0].length - m[2]!.length;
  }
  return { links: [...links], notes };
}
