import { scanDefinitions, scanReferences, type BlockDefinitions, type BlockReferences } from './markdown-definitions';

/**
 * The definitions of a whole reply, kept up to date block by block as the reply streams: each
 * finished block is scanned once, the growing tail on every update (O(tail), like its parse).
 * Each block is then given, as a short `context` string to append to its source before parsing,
 * the definitions it uses from elsewhere; a block's memoized render is keyed by that string, so
 * a new definition re-renders only the blocks that use it.
 */
export interface ReplyDefinitions {
  /** Changes whenever a definition or the footnote numbering changes. */
  version: number;
  links: ReadonlyMap<string, string>;
  /** Footnote content (markdown) by normalized label. */
  notes: ReadonlyMap<string, string>;
  /** Defined footnotes in the order of their first call: footnote n is `noteOrder[n - 1]`. */
  noteOrder: readonly string[];
  /** The block (index) holding the first call of each numbered footnote. */
  firstCall: ReadonlyMap<string, number>;
}

interface Scanned {
  text: string;
  defs: BlockDefinitions;
  refs: BlockReferences;
}

function scan(text: string, complete: boolean): Scanned {
  return { text, defs: scanDefinitions(text, complete), refs: scanReferences(text) };
}

export class ReplyDefinitionIndex {
  private blocks: Scanned[] = [];
  private tail: Scanned | null = null;
  private current: ReplyDefinitions = { version: 0, links: new Map(), notes: new Map(), noteOrder: [], firstCall: new Map() };
  private signature = '';
  private tailComplete = true;

  /** `done` are the splitter's finished blocks (only ever appended to while a reply streams). */
  update(done: readonly string[], tail: string, streaming: boolean): ReplyDefinitions {
    let same = 0;
    while (same < this.blocks.length && same < done.length && this.blocks[same]!.text === done[same]) same++;
    this.blocks.length = same;
    for (let i = same; i < done.length; i++) this.blocks.push(scan(done[i]!, true));
    // While streaming, the tail's last line is still arriving.
    if (this.tail?.text !== tail || this.tailComplete !== !streaming) this.tail = scan(tail, !streaming);
    this.tailComplete = !streaming;
    return this.collect();
  }

  /** The context (see `blockContext`) of block `index`: a finished block, or the tail at `done.length`. */
  contextFor(index: number): string {
    const b = index < this.blocks.length ? this.blocks[index] : this.tail;
    return b ? contextOf(b.defs, b.refs, this.current) : '';
  }

  private collect(): ReplyDefinitions {
    const all = this.tail ? [...this.blocks, this.tail] : this.blocks;
    const links = new Map<string, string>();
    const notes = new Map<string, string>();
    // The first definition of a label wins, as in CommonMark.
    for (const b of all) {
      for (const [label, line] of b.defs.links) if (!links.has(label)) links.set(label, line);
      for (const [label, content] of b.defs.notes) if (!notes.has(label)) notes.set(label, content);
    }
    const noteOrder: string[] = [];
    const firstCall = new Map<string, number>();
    all.forEach((b, i) => {
      for (const label of b.refs.notes) {
        if (notes.has(label) && !firstCall.has(label)) {
          firstCall.set(label, i);
          noteOrder.push(label);
        }
      }
    });
    const signature = JSON.stringify([[...links], [...notes], [...firstCall]]);
    if (signature !== this.signature) {
      this.signature = signature;
      this.current = { version: this.current.version + 1, links, notes, noteOrder, firstCall };
    }
    return this.current;
  }
}

/**
 * What to append to a block's source so it parses as it would inside the whole reply: the link
 * definitions it may use and a placeholder definition for each footnote it calls (the notes
 * themselves are rendered once, at the end of the reply). Definitions the block holds itself are
 * left to it. Empty when the block needs nothing.
 */
export function blockContext(block: string, definitions: ReplyDefinitions): string {
  if (definitions.links.size === 0 && definitions.notes.size === 0) return '';
  return contextOf(scanDefinitions(block), scanReferences(block), definitions);
}

function contextOf(own: BlockDefinitions, refs: BlockReferences, definitions: ReplyDefinitions): string {
  if (definitions.links.size === 0 && definitions.notes.size === 0) return '';
  const ownLinks = new Set(own.links.map(([label]) => label));
  const ownNotes = new Set(own.notes.map(([label]) => label));
  const lines: string[] = [];
  for (const label of refs.links) {
    const line = definitions.links.get(label);
    if (line !== undefined && !ownLinks.has(label)) lines.push(line);
  }
  for (const label of new Set(refs.notes)) {
    if (definitions.notes.has(label) && !ownNotes.has(label)) lines.push(`[^${label.toLowerCase()}]: -`);
  }
  return lines.length === 0 ? '' : `\n\n${lines.join('\n')}\n`;
}
