/** Code blocks of the exported page, highlighted ahead of time with the app's highlighter (lowlight, the same grammars and rules). */
import type { Element, ElementContent } from 'hast';
import { common, createLowlight } from 'lowlight';
import { el, text } from './hast';

const lowlight = createLowlight(common);

/** The highlighted tokens of `code`, or the plain text when the language is unknown and guessing would be slow (as in the app). */
function tokens(code: string, lang: string): ElementContent[] {
  try {
    if (lang && lowlight.registered(lang)) return lowlight.highlight(lang, code).children as ElementContent[];
    if (code.length < 20_000) return lowlight.highlightAuto(code).children as ElementContent[];
  } catch {
    // A grammar that throws leaves the code plain, as in the app.
  }
  return [text(code)];
}

/** A fenced code block with its language named above it. */
export function codeBlock(code: string, lang: string): Element {
  return el('div', { className: ['code-block'] }, [
    el('div', { className: ['code-head'] }, [text(lang || 'text')]),
    el('pre', {}, [el('code', { className: ['hljs', ...(lang ? [`language-${lang}`] : [])] }, tokens(code, lang))]),
  ]);
}
