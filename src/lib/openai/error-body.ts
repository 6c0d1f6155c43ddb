/** Reading the many shapes of HTTP error bodies. */
import { asRecord, isArray, isRecord, nonEmpty, num, str, truncate } from './guards';

export interface ErrorBodyFields {
  message?: string;
  code?: string | number;
  type?: string;
  param?: string;
}

function parseJSON(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** FastAPI validation errors: `detail: [{loc, msg}]`. */
function detailMessage(detail: unknown): string | undefined {
  const text = nonEmpty(detail);
  if (text) return text;
  if (isRecord(detail)) return nonEmpty(detail.message) ?? nonEmpty(detail.msg);
  if (!isArray(detail)) return undefined;
  const parts = detail
    .map((d) => {
      const rec = asRecord(d);
      const msg = rec ? nonEmpty(rec.msg) : undefined;
      if (!rec || !msg) return undefined;
      const loc = isArray(rec.loc) ? rec.loc.map(String).join('.') : '';
      return loc ? `${loc}: ${msg}` : msg;
    })
    .filter((m): m is string => m !== undefined);
  return parts.length > 0 ? parts.join('; ') : undefined;
}

/**
 * `{error:{message,type,param,code}}` (OpenAI; numeric codes from OpenRouter),
 * `{error:"text"}`, `{message}` / `{detail}` (vLLM, FastAPI), `[{error}]` (Gemini),
 * or plain text.
 */
export function errorBodyFields(bodyText: string): ErrorBodyFields {
  const trimmed = bodyText.trim();
  let json = parseJSON(trimmed);
  if (isArray(json)) json = json[0];
  const body = asRecord(json);
  if (!body) return trimmed === '' ? {} : { message: truncate(trimmed, 500) };

  const out: ErrorBodyFields = {};
  const err = body.error;
  if (isRecord(err)) {
    const message = nonEmpty(err.message) ?? detailMessage(err.detail);
    const raw = isRecord(err.metadata) ? str(err.metadata.raw) : undefined;
    if (message) out.message = raw ? `${message}: ${truncate(raw, 300)}` : message;
    const code = nonEmpty(err.code) ?? num(err.code);
    if (code !== undefined) out.code = code;
    const type = nonEmpty(err.type);
    if (type) out.type = type;
    const param = nonEmpty(err.param);
    if (param) out.param = param;
  } else if (nonEmpty(err)) {
    out.message = nonEmpty(err);
  }
  out.message ??= nonEmpty(body.message) ?? detailMessage(body.detail);
  if (out.code === undefined) {
    const code = nonEmpty(body.code) ?? num(body.code);
    if (code !== undefined) out.code = code;
  }
  if (out.type === undefined) {
    const type = nonEmpty(body.type);
    if (type) out.type = type;
  }
  if (out.message === undefined) delete out.message;
  return out;
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
