/**
 * The conversation data inside an exported HTML page, so the page can be imported again. The page
 * itself (a lazy module: `html-page/page.ts`) has no script at all: the data rides in an inert
 * `<template>` as HTML-escaped JSON, which the browser parses but never runs nor shows. Pages
 * exported before carried it in `<script type="application/json">`; both are read.
 */
import type { DocumentV2 } from './schema';

const DATA_ID = 'chat-playground-data';

/**
 * Text that can sit in an element's content and never be markup: no `<` opens a tag (or closes
 * the element, or starts a comment) and no `&` starts a character reference. Quotes stay as they
 * are, which keeps the JSON (mostly quotes) close to its own size.
 */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** The inverse of `escapeText`, in one pass (so `&amp;lt;` becomes `&lt;`, not `<`). */
export function unescapeText(text: string): string {
  return text.replace(/&(amp|lt);/g, (_, name: string) => (name === 'lt' ? '<' : '&'));
}

/** The data carrier, escaped so no text in it can close the element or open another. */
export function embeddedData(doc: DocumentV2): string {
  return `<template id="${DATA_ID}" data-format="chat-playground">${escapeText(JSON.stringify(doc))}</template>`;
}

/**
 * Unambiguous: the page's text never holds a `<` and its attribute values never a `"` (both are
 * escaped), so only the carrier itself can read `<template id="chat-playground-data"`.
 */
const TEMPLATE = new RegExp(`<template id="${DATA_ID}"[^>]*>([^<]*)</template>`);
/** The carrier of pages exported before the page was rendered (JSON with `<`, `>` and `&` as \\u escapes). */
const LEGACY_SCRIPT = new RegExp(`<script type="application/json" id="${DATA_ID}">([\\s\\S]*?)</script>`);

/** The JSON text embedded in an exported page (either carrier), or null when there is none. */
export function extractEmbeddedJSON(html: string): string | null {
  const template = TEMPLATE.exec(html);
  if (template) return unescapeText(template[1]!);
  const legacy = LEGACY_SCRIPT.exec(html);
  return legacy ? legacy[1]! : null;
}
