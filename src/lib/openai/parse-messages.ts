/**
 * The inverse of `toWireMessages`: a pasted `messages` array (or a whole request body, or one
 * message) back into the domain. Input is untrusted: every problem is reported with the exact
 * place (`messages[2].content[1].image_url.url`) and nothing is returned unless all of it is valid.
 */
import type { ContentPart, ImageDetail, Message, Role, ToolCall } from '../../domain/types';
import { ROLES } from '../../domain/types';
import { isRecord } from './guards';
import { errorMessage } from '../../domain/errors';

export type MessageFields = Pick<Message, 'role' | 'content'> &
  Partial<Pick<Message, 'name' | 'refusal' | 'toolCalls' | 'toolCallId' | 'audio'>>;

export type ParseMessagesResult = { ok: true; messages: MessageFields[]; params?: Record<string, unknown> } | { ok: false; error: string };

class ShapeError extends Error {}

function fail(where: string, what: string): never {
  throw new ShapeError(`${where}: ${what}`);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (typeof v === 'object') return 'an object';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return `a ${typeof v}`;
}

function str(v: unknown, where: string): string {
  if (typeof v !== 'string') fail(where, `expected a string, got ${describe(v)}`);
  return v;
}

function optStr(v: unknown, where: string): string | undefined {
  return v === undefined || v === null ? undefined : str(v, where);
}

const DETAILS: readonly ImageDetail[] = ['auto', 'low', 'high'];

function dataURLMime(url: string): string | null {
  const m = /^data:([^;,]+)[;,]/i.exec(url);
  return m ? m[1]!.toLowerCase() : null;
}

function part(v: unknown, where: string): ContentPart {
  if (!isRecord(v)) fail(where, `expected a content part object, got ${describe(v)}`);
  switch (v.type) {
    case 'text':
      return { type: 'text', text: str(v.text, `${where}.text`) };
    case 'image_url': {
      const img = v.image_url;
      if (!isRecord(img)) fail(`${where}.image_url`, `expected an object with "url", got ${describe(img)}`);
      const url = str(img.url, `${where}.image_url.url`);
      const detail = img.detail ?? 'auto';
      if (!DETAILS.includes(detail as ImageDetail))
        fail(`${where}.image_url.detail`, `must be "auto", "low" or "high", not ${describe(detail)}`);
      return { type: 'image', source: { kind: 'url', url }, detail: detail as ImageDetail };
    }
    case 'input_audio': {
      const a = v.input_audio;
      if (!isRecord(a)) fail(`${where}.input_audio`, `expected an object with "data" and "format", got ${describe(a)}`);
      const data = str(a.data, `${where}.input_audio.data`);
      if (a.format !== 'wav' && a.format !== 'mp3')
        fail(`${where}.input_audio.format`, `must be "wav" or "mp3", not ${describe(a.format)}`);
      const mime = a.format === 'wav' ? 'audio/wav' : 'audio/mpeg';
      return { type: 'audio', source: { kind: 'url', url: `data:${mime};base64,${data}` }, format: a.format };
    }
    case 'file': {
      const f = v.file;
      if (!isRecord(f)) fail(`${where}.file`, `expected an object with "file_data", got ${describe(f)}`);
      const data = str(f.file_data, `${where}.file.file_data`);
      if (!dataURLMime(data)) fail(`${where}.file.file_data`, 'must be a data: URL (file_id references are not supported)');
      return { type: 'file', source: { kind: 'url', url: data }, filename: optStr(f.filename, `${where}.file.filename`) ?? 'file.pdf' };
    }
    default:
      return fail(`${where}.type`, `must be "text", "image_url", "input_audio" or "file", not ${describe(v.type)}`);
  }
}

function content(v: unknown, where: string, role: Role): ContentPart[] {
  if (v === null || v === undefined) {
    if (role === 'assistant') return [];
    fail(where, `is required for a ${role} message`);
  }
  if (typeof v === 'string') return [{ type: 'text', text: v }];
  if (!Array.isArray(v)) fail(where, `expected a string or an array of parts, got ${describe(v)}`);
  const parts = v.map((p, i) => part(p, `${where}[${i}]`));
  if (role !== 'user') {
    const bad = parts.findIndex((p) => p.type !== 'text');
    if (bad >= 0) fail(`${where}[${bad}]`, `a ${role} message may hold text parts only`);
  }
  return parts;
}

function toolCalls(v: unknown, where: string): ToolCall[] {
  if (!Array.isArray(v)) fail(where, `expected an array, got ${describe(v)}`);
  return v.map((c, i) => {
    const w = `${where}[${i}]`;
    if (!isRecord(c)) fail(w, `expected a tool call object, got ${describe(c)}`);
    if (c.type !== undefined && c.type !== 'function') fail(`${w}.type`, `must be "function", not ${describe(c.type)}`);
    const fn = c.function;
    if (!isRecord(fn)) fail(`${w}.function`, `expected an object with "name" and "arguments", got ${describe(fn)}`);
    return {
      id: str(c.id, `${w}.id`),
      name: str(fn.name, `${w}.function.name`),
      arguments: optStr(fn.arguments, `${w}.function.arguments`) ?? '',
    };
  });
}

function message(v: unknown, where: string): MessageFields {
  if (!isRecord(v)) fail(where, `expected a message object, got ${describe(v)}`);
  const role = v.role;
  if (typeof role !== 'string' || !ROLES.includes(role as Role))
    fail(`${where}.role`, `must be one of ${ROLES.join(', ')}, not ${describe(role)}`);
  const r = role as Role;
  const out: MessageFields = { role: r, content: content(v.content, `${where}.content`, r) };
  const name = optStr(v.name, `${where}.name`);
  if (name !== undefined && r !== 'tool') out.name = name;
  if (r === 'assistant') {
    const refusal = optStr(v.refusal, `${where}.refusal`);
    if (refusal !== undefined) out.refusal = refusal;
    if (v.tool_calls !== undefined && v.tool_calls !== null) out.toolCalls = toolCalls(v.tool_calls, `${where}.tool_calls`);
    if (isRecord(v.audio)) out.audio = { id: str(v.audio.id, `${where}.audio.id`), transcript: '' };
  }
  if (r === 'tool') out.toolCallId = str(v.tool_call_id, `${where}.tool_call_id`);
  return out;
}

/** Parses a `messages` array, a request body with `messages`, or (when `single`) one message. */
export function parseMessagesJSON(text: string, single = false): ParseMessagesResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `Not valid JSON: ${errorMessage(e)}` };
  }
  try {
    if (single) return { ok: true, messages: [message(json, 'message')] };
    if (Array.isArray(json)) return { ok: true, messages: json.map((m, i) => message(m, `messages[${i}]`)) };
    if (isRecord(json) && Array.isArray(json.messages)) {
      const { messages, ...params } = json;
      return { ok: true, messages: (messages as unknown[]).map((m, i) => message(m, `messages[${i}]`)), params };
    }
    return { ok: false, error: `Expected a messages array or a request body with "messages", got ${describe(json)}.` };
  } catch (e) {
    if (e instanceof ShapeError) return { ok: false, error: e.message };
    throw e;
  }
}
