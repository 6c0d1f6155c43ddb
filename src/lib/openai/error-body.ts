/** Reading the many shapes of HTTP error bodies. */
import { errorBodyInput, recogniseErrorBody } from './error-shapes';

export interface ErrorBodyFields {
  message?: string;
  code?: string | number;
  type?: string;
  param?: string;
  /** Extra facts from the body (FastAPI `loc: msg` lines, provider, filtered categories, context sizes). */
  lines: string[];
  /** The name of the recognised shape (see error-shapes.ts), or null when the shape is unknown. */
  shape: string | null;
}

/** Reads an error body through the recognised shapes in error-shapes.ts. */
export function errorBodyFields(bodyText: string, contentType = ''): ErrorBodyFields {
  const found = recogniseErrorBody(errorBodyInput(bodyText, contentType));
  if (!found) return { lines: [], shape: null };
  return { ...found.fields, shape: found.shape.name };
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

/** The `<title>` (or first `<h1>`) text of an HTML page. */
export function htmlTitle(html: string): string | undefined {
  for (const tag of ['title', 'h1']) {
    const match = new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'i').exec(html);
    const text = match?.[1]
      ?.replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (text) return decodeEntities(text);
  }
  return undefined;
}
