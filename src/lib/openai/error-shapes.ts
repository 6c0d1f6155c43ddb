/**
 * Every error-body shape the app recognises, in one ordered list. Each entry names the shape,
 * tests for it and extracts the server's own words: message, code, type, param and extra detail
 * lines. Each has a recorded example in server/wire/cases (`example`), checked by
 * error-shapes.test.ts. Used for HTTP error bodies and for mid-stream error events alike.
 */
import { asRecord, isArray, isRecord, nonEmpty, num, str, truncate } from './guards';
import type { JsonRecord } from './guards';

/** What an error body says, in its own words. */
export interface ErrorShapeFields {
  message?: string;
  code?: string | number;
  type?: string;
  param?: string;
  /** Extra facts worth showing: each FastAPI `loc: msg`, the upstream provider, filtered categories, context sizes. */
  lines: string[];
}

/** An error body as received: its text, and its JSON when it parses. */
export interface ErrorBodyInput {
  text: string;
  json: unknown;
  contentType: string;
}

export interface ErrorShape {
  /** Stable name, also the server trigger `[[error-shape:NAME]]`. */
  name: string;
  /** Who sends it. */
  provider: string;
  /** The recorded example in server/wire/cases. */
  example: string;
  /** HTTP status of the example (200 for a mid-stream event). */
  exampleStatus: number;
  test(body: ErrorBodyInput): boolean;
  extract(body: ErrorBodyInput): ErrorShapeFields;
}

const MESSAGE_MAX = 500;
const RAW_MAX = 300;

function codeOf(value: unknown): string | number | undefined {
  return nonEmpty(value) ?? num(value);
}

/** Drops undefined fields so results compare cleanly. */
function fields(
  f: Partial<Record<'message' | 'type' | 'param', string | undefined>> & { code?: string | number | undefined },
  lines: string[] = [],
): ErrorShapeFields {
  const out: ErrorShapeFields = { lines };
  if (f.message !== undefined) out.message = truncate(f.message, MESSAGE_MAX);
  if (f.code !== undefined) out.code = f.code;
  if (f.type !== undefined) out.type = f.type;
  if (f.param !== undefined) out.param = f.param;
  return out;
}

function errorObject(json: unknown): JsonRecord | null {
  const body = asRecord(json);
  return body ? asRecord(body.error) : null;
}

/** FastAPI / pydantic `loc` without the leading `body`: ["body","messages",0,"content"] → "messages.0.content". */
export function locPath(loc: unknown): string | undefined {
  if (!isArray(loc)) return nonEmpty(loc);
  const parts = loc.map(String);
  if (parts[0] === 'body' && parts.length > 1) parts.shift();
  return parts.length > 0 ? parts.join('.') : undefined;
}

/** FastAPI `detail`: a string (HTTPException) or a list of `{type, loc, msg}` (validation). */
function fastApiDetail(detail: unknown): ErrorShapeFields | undefined {
  const text = nonEmpty(detail);
  if (text) return fields({ message: text });
  if (!isArray(detail)) return undefined;
  const items = detail
    .map(asRecord)
    .filter((d): d is JsonRecord => d !== null && nonEmpty(d.msg) !== undefined)
    .map((d) => ({ msg: nonEmpty(d.msg) as string, loc: locPath(d.loc), type: nonEmpty(d.type) }));
  const first = items[0];
  if (!first) return undefined;
  const lines = items.map((i) => (i.loc ? `${i.loc}: ${i.msg}` : i.msg));
  const shown = lines.slice(0, 3).join('; ');
  const message = items.length > 3 ? `${shown} (and ${items.length - 3} more)` : shown;
  return fields({ message, type: first.type, param: first.loc }, lines);
}

/** A message that may itself be FastAPI's detail (Mistral nests `{detail:[…]}` in `message`). */
function messageOrDetail(value: unknown): ErrorShapeFields | undefined {
  const text = nonEmpty(value);
  if (text) return fields({ message: text });
  const rec = asRecord(value);
  if (!rec) return undefined;
  return fastApiDetail(rec.detail) ?? (nonEmpty(rec.message) ? fields({ message: nonEmpty(rec.message) }) : undefined);
}

/** The OpenAI `{error:{message,type,param,code}}` object, also used by the shapes that extend it. */
function openAIFields(err: JsonRecord, lines: string[] = []): ErrorShapeFields {
  const inner = messageOrDetail(err.message) ?? fastApiDetail(err.detail);
  return fields(
    {
      message: inner?.message,
      code: codeOf(err.code),
      type: nonEmpty(err.type) ?? inner?.type,
      param: nonEmpty(err.param) ?? inner?.param,
    },
    [...(inner?.lines ?? []), ...lines],
  );
}

/** What a provider's raw body (a JSON text or plain words) says. */
function rawProviderFields(raw: string): ErrorShapeFields {
  const trimmed = raw.trim();
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return fields({ message: truncate(trimmed, RAW_MAX) });
  }
  if (typeof json === 'string') return fields({ message: truncate(json, RAW_MAX) });
  const found = recogniseErrorBody({ text: trimmed, json, contentType: 'application/json' });
  return found?.fields.message ? found.fields : fields({ message: truncate(trimmed, RAW_MAX) });
}

function looksLikeHTML(contentType: string, text: string): boolean {
  return /text\/html/i.test(contentType) || /^\s*(<!doctype html|<html[\s>])/i.test(text);
}

/** The recognised shapes, most specific first. */
export const ERROR_SHAPES: readonly ErrorShape[] = [
  {
    name: 'gemini',
    provider: 'Gemini OpenAI compatibility (a one-element array of Google API errors)',
    example: 'gemini-400-api-key-invalid.error.json',
    exampleStatus: 400,
    test: ({ json }) => isArray(json) && errorObject(json[0]) !== null,
    extract: ({ json }) => {
      const err = errorObject(isArray(json) ? json[0] : null) ?? {};
      const lines: string[] = [];
      for (const d of isArray(err.details) ? err.details : []) {
        const rec = asRecord(d);
        const reason = rec ? nonEmpty(rec.reason) : undefined;
        if (reason) lines.push(`reason: ${reason}`);
        for (const v of rec && isArray(rec.fieldViolations) ? rec.fieldViolations : []) {
          const fv = asRecord(v);
          if (fv && nonEmpty(fv.description))
            lines.push(fv.field ? `${String(fv.field)}: ${String(fv.description)}` : String(fv.description));
        }
      }
      return fields({ message: nonEmpty(err.message), code: codeOf(err.code), type: nonEmpty(err.status) }, lines);
    },
  },
  {
    name: 'anthropic',
    provider: 'Anthropic and Anthropic-compatible APIs',
    example: 'anthropic-400-invalid-request.error.json',
    exampleStatus: 400,
    test: ({ json }) => asRecord(json)?.type === 'error' && errorObject(json) !== null,
    extract: ({ json }) => {
      const err = errorObject(json) ?? {};
      const requestId = nonEmpty(asRecord(json)?.request_id);
      return fields({ message: nonEmpty(err.message), type: nonEmpty(err.type) }, requestId ? [`request id: ${requestId}`] : []);
    },
  },
  {
    name: 'azure-content-filter',
    provider: 'Azure OpenAI content filter (`innererror.content_filter_result`)',
    example: 'azure-400-content-filter.error.json',
    exampleStatus: 400,
    test: ({ json }) => {
      const err = errorObject(json);
      return err !== null && (isRecord(err.innererror) || err.code === 'content_filter');
    },
    extract: ({ json }) => {
      const err = errorObject(json) ?? {};
      const inner = asRecord(err.innererror);
      const result = asRecord(inner?.content_filter_result) ?? asRecord(inner?.content_filter_results);
      const filtered: string[] = [];
      for (const [category, value] of Object.entries(result ?? {})) {
        const rec = asRecord(value);
        if (rec?.filtered !== true) continue;
        const severity = nonEmpty(rec.severity);
        filtered.push(severity ? `${category} (${severity})` : category);
      }
      const lines: string[] = [];
      if (filtered.length > 0) lines.push(`filtered: ${filtered.join(', ')}`);
      const innerCode = inner ? nonEmpty(inner.code) : undefined;
      if (innerCode) lines.push(`inner code: ${innerCode}`);
      return openAIFields(err, lines);
    },
  },
  {
    name: 'openrouter',
    provider: 'OpenRouter (`metadata.raw` is the upstream provider’s own error)',
    example: 'openrouter-400-provider-error-raw.error.json',
    exampleStatus: 400,
    test: ({ json }) => isRecord(errorObject(json)?.metadata),
    extract: ({ json }) => {
      const err = errorObject(json) ?? {};
      const meta = asRecord(err.metadata) ?? {};
      const provider = nonEmpty(meta.provider_name);
      const raw = str(meta.raw);
      const base = openAIFields(err, provider ? [`provider: ${provider}`] : []);
      if (raw && raw.trim() !== '') {
        const said = rawProviderFields(raw);
        const who = provider ? ` (${provider})` : '';
        base.message = base.message ? `${base.message}${who}: ${said.message}` : said.message;
        // The upstream's param and type say more than OpenRouter's wrapper.
        if (said.param !== undefined) base.param ??= said.param;
        if (said.type !== undefined) base.type ??= said.type;
        base.lines.push(...said.lines);
      }
      return base;
    },
  },
  {
    name: 'llamacpp',
    provider: 'llama.cpp llama-server (`n_prompt_tokens`, `n_ctx` on context errors)',
    example: 'llamacpp-400-exceed-context-size.error.json',
    exampleStatus: 400,
    test: ({ json }) => {
      const err = errorObject(json);
      return err !== null && (err.n_ctx !== undefined || err.n_prompt_tokens !== undefined);
    },
    extract: ({ json }) => {
      const err = errorObject(json) ?? {};
      const lines: string[] = [];
      const prompt = num(err.n_prompt_tokens);
      const ctx = num(err.n_ctx);
      if (prompt !== undefined) lines.push(`prompt tokens (n_prompt_tokens): ${prompt}`);
      if (ctx !== undefined) lines.push(`context size (n_ctx): ${ctx}`);
      return openAIFields(err, lines);
    },
  },
  {
    name: 'openai',
    provider: 'OpenAI and most compatible servers (`{error:{message,type,param,code}}`)',
    example: 'openai-400-unsupported-parameter.error.json',
    exampleStatus: 400,
    test: ({ json }) => errorObject(json) !== null,
    extract: ({ json }) => openAIFields(errorObject(json) ?? {}),
  },
  {
    name: 'vllm',
    provider: 'vLLM ErrorResponse (`{object:"error",message,type,param,code}`), also mid-stream; any bare `{message}`',
    example: 'vllm-400-context-length.error.json',
    exampleStatus: 400,
    test: ({ json }) => {
      const body = asRecord(json);
      return body !== null && (body.object === 'error' || nonEmpty(body.message) !== undefined);
    },
    extract: ({ json }) => openAIFields(asRecord(json) ?? {}),
  },
  {
    name: 'fastapi',
    provider: 'FastAPI / pydantic `detail` (Mistral, vLLM request validation): a list of `{type, loc, msg}` or a string',
    example: 'mistral-422-extra-forbidden.error.json',
    exampleStatus: 422,
    test: ({ json }) => {
      const body = asRecord(json);
      return body !== null && fastApiDetail(body.detail) !== undefined;
    },
    extract: ({ json }) => fastApiDetail(asRecord(json)?.detail) ?? { lines: [] },
  },
  {
    name: 'ollama',
    provider: 'Ollama and others (`{error:"text"}`)',
    example: 'ollama-404-model-not-found.error.json',
    exampleStatus: 404,
    test: ({ json }) => nonEmpty(asRecord(json)?.error) !== undefined,
    extract: ({ json }) => fields({ message: nonEmpty(asRecord(json)?.error) }),
  },
  {
    name: 'html',
    provider: 'An HTML page: a proxy, a login wall or the wrong URL',
    example: 'nginx-502-bad-gateway.error.html',
    exampleStatus: 502,
    test: ({ json, text, contentType }) => json === undefined && looksLikeHTML(contentType, text),
    extract: () => ({ lines: [] }),
  },
  {
    name: 'text',
    provider: 'Plain text (Go and other servers’ default error pages)',
    example: 'ollama-404-page-not-found.error.txt',
    exampleStatus: 404,
    test: ({ json, text }) => json === undefined && text.trim() !== '',
    extract: ({ text }) => fields({ message: text.trim() }),
  },
];

function parseJSON(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function errorBodyInput(text: string, contentType = ''): ErrorBodyInput {
  const trimmed = text.trim();
  return { text, json: trimmed === '' ? undefined : parseJSON(trimmed), contentType };
}

/** The first shape that matches and says something (a message or detail lines); null for an unknown shape. */
export function recogniseErrorBody(body: ErrorBodyInput): { shape: ErrorShape; fields: ErrorShapeFields } | null {
  for (const shape of ERROR_SHAPES) {
    if (!shape.test(body)) continue;
    const found = shape.extract(body);
    if (shape.name === 'html' || found.message !== undefined || found.lines.length > 0) return { shape, fields: found };
  }
  return null;
}

export function errorShapeByName(name: string): ErrorShape | undefined {
  return ERROR_SHAPES.find((s) => s.name === name);
}
