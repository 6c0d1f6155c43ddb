/**
 * The app's markdown code for the web page export (features/share): the same block splitter,
 * complexity limits, parser (with math when the text has formulas) and highlighter that render
 * replies here, so the page is formatted by this code and not by a copy of it.
 */
import type { Root } from 'hast';
import { splitMarkdownBlocks } from '../../domain/markdown-blocks';
import { markdownTooComplex, type ComplexityReason } from '../../domain/markdown-limits';
import { normalizeMath } from '../../domain/markdown-math';
import { loadHighlighter } from './highlight';
import { markdownTree } from './pipeline';
import { loadMath } from './use-math';

export interface ExportMarkdown {
  tree: (markdown: string) => Root;
  splitBlocks: (markdown: string) => string[];
  tooComplex: (block: string) => ComplexityReason | null;
  highlight: (code: string, lang: string) => Root | null;
}

/** The tools, with the highlighter loaded, and KaTeX when one of `texts` has a formula. */
export async function markdownForExport(texts: readonly string[]): Promise<ExportMarkdown> {
  const needMath = texts.some((t) => normalizeMath(t).formulas > 0);
  const [highlight, math] = await Promise.all([loadHighlighter(), needMath ? loadMath() : null]);
  return {
    // Not kept in the app's cache of parsed blocks: an export is read once.
    tree: (markdown) => {
      const normalized = math ? normalizeMath(markdown) : null;
      return normalized && normalized.formulas > 0 ? markdownTree(normalized.text, false, math) : markdownTree(markdown, false);
    },
    splitBlocks: splitMarkdownBlocks,
    tooComplex: markdownTooComplex,
    highlight,
  };
}
