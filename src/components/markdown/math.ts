// Loaded only when a reply holds a formula: KaTeX (about 75 KB gzip), its CSS and its fonts.
import 'katex/dist/katex.min.css';
import type { KatexOptions } from 'katex';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';

/**
 * Model output is untrusted, so KaTeX runs inert: `trust: false` refuses `\href`, `\url`,
 * `\includegraphics`, `\htmlClass`, `\htmlData`… (shown as red source text, never a link or an
 * attribute), and macro expansion and sizes are bounded so a formula cannot freeze the page.
 * Errors show the formula's source in red rather than failing the block.
 */
export const KATEX_OPTIONS: KatexOptions = {
  trust: false,
  strict: 'ignore',
  throwOnError: false,
  maxExpand: 500,
  maxSize: 20,
  output: 'htmlAndMathml',
};

// `$…$` stays on: the text reaching remark-math was normalized (domain/markdown-math.ts), so every
// dollar left unescaped opens or closes a formula.
export const remarkMathPlugin = [remarkMath, { singleDollarTextMath: true }] as const;
export const rehypeKatexPlugin = [rehypeKatex, KATEX_OPTIONS] as const;
