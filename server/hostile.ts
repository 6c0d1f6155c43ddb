// "[[fault:NAME]]" hostile streams: fixed byte sequences, cut into pieces on purpose, that a
// client must survive (split characters, odd framing, broken JSON, data after [DONE], gzip, a
// connection dropped inside a token, a stream that never starts). Each case is plain data so the
// server test can check exactly what goes on the wire.
import type { ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { sleep, write } from './http';

export interface HostileStream {
  status: number;
  contentType: string;
  /** Sent one by one, each flushed on its own (a few ms apart), so each is its own network chunk where possible. */
  pieces: Buffer[];
  gzip?: boolean;
  /** After the pieces: 'end' (normal), 'destroy' (connection reset), 'hold' (socket kept open until the client leaves). */
  after: 'end' | 'destroy' | 'hold';
  /** Never send the status line or headers. */
  silent?: boolean;
}

const SSE = 'text/event-stream; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

const chunk = (delta: Record<string, unknown>, finish: string | null = null, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({
    id: 'chatcmpl-hostile',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model: 'ref-chat',
    choices: [{ index: 0, delta, finish_reason: finish }],
    ...extra,
  });

const event = (data: string, eol = '\n'): string => `data: ${data}${eol}${eol}`;
const role = event(chunk({ role: 'assistant', content: '' }));
const stop = event(chunk({}, 'stop'));
const done = event('[DONE]');

/** A normal stream of `words` as content deltas. */
function textStream(words: string[], eol = '\n'): string {
  return role + words.map((w) => event(chunk({ content: w }), eol)).join('') + stop + done;
}

/** Cuts `bytes` at the given offsets. */
function cut(bytes: Buffer, at: number[]): Buffer[] {
  const out: Buffer[] = [];
  let from = 0;
  for (const to of [...at.filter((n) => n > 0 && n < bytes.length).sort((a, b) => a - b), bytes.length]) {
    if (to > from) out.push(bytes.subarray(from, to));
    from = to;
  }
  return out;
}

/** Pieces cut one byte after the start of every multi-byte character: each is split across two chunks. */
function splitInsideCharacters(text: string): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const at: number[] = [];
  bytes.forEach((b, i) => {
    if (b >= 0xc0) at.push(i + 1);
  });
  return cut(bytes, at);
}

const everyByte = (text: string): Buffer[] => [...Buffer.from(text, 'utf8')].map((b) => Buffer.from([b]));

const NGINX = (status: number, title: string): string =>
  `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;

/** A 1×1 transparent PNG. */
const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** 384 pieces of 64 KB: 24 MB, past the client's 16 MB event cap (src/lib/openai/sse.ts MAX_EVENT_CHARS). */
const ENDLESS_PIECES = 384;

const HOSTILE: Record<string, () => HostileStream> = {
  'utf8-split': () => ({
    status: 200,
    contentType: SSE,
    after: 'end',
    pieces: splitInsideCharacters(textStream(['Grüße ', '日本語 ', '🎉👩‍👩‍👧 ', 'done.'])),
  }),
  'byte-per-chunk': () => ({
    status: 200,
    contentType: SSE,
    after: 'end',
    pieces: everyByte(textStream(['One ', 'byte ', 'at a time ✓'])),
  }),
  'mixed-eol': () => {
    // LF, CRLF and bare CR framing in one stream, with a chunk ending right after a CR.
    const text =
      role +
      `data: ${chunk({ content: 'Line endings: ' })}\r\n\r\n` +
      `data: ${chunk({ content: 'CR, ' })}\r\r` +
      `data: ${chunk({ content: 'LF and CRLF.' })}\n\r\n` +
      stop +
      `data: [DONE]\r\r`;
    const crs = [...text].flatMap((ch, i) => (ch === '\r' ? [i + 1] : []));
    return { status: 200, contentType: SSE, after: 'end', pieces: cut(Buffer.from(text, 'utf8'), crs) };
  },
  bom: () => ({
    status: 200,
    contentType: SSE,
    after: 'end',
    pieces: cut(Buffer.from(`\uFEFF${textStream(['Starts ', 'with a BOM.'])}`, 'utf8'), [1, 2, 3, 5]),
  }),
  'sse-fields': () => {
    const text =
      ': keep-alive comment\n\nretry: 10000\n\nid: 1\nevent: message\n' +
      role.slice(0, -1) +
      '\nevent: ping\n\nid: 2\n\n' +
      `: another comment\nid: 3\nevent: message\ndata: ${chunk({ content: 'Comments, ids, ' })}\n\n` +
      'event: heartbeat\n\n' +
      event(chunk({ content: 'retries and empty events.' })) +
      stop +
      done;
    return { status: 200, contentType: SSE, after: 'end', pieces: cut(Buffer.from(text, 'utf8'), [7, 30, 61]) };
  },
  'huge-line': () => {
    // One 1 MB event line; the content starts and ends with a marker so truncation shows.
    const big = `HUGE-START ${'lorem ipsum dolor sit amet '.repeat(40_000)}HUGE-END`;
    return {
      status: 200,
      contentType: SSE,
      after: 'end',
      pieces: [Buffer.from(role + event(chunk({ content: big })) + stop + done, 'utf8')],
    };
  },
  'endless-line': () => {
    // Some text, then an event line that never ends: 24 MB with no newline, the socket kept open
    // (a proxy stuck mid-line). A client must stop at a cap and keep the text before it.
    const filler = Buffer.alloc(64 * 1024, 'x');
    const head = role + event(chunk({ content: 'Kept before the endless line.' })) + `data: ${chunk({ content: '' }).slice(0, -40)}`;
    return { status: 200, contentType: SSE, after: 'hold', pieces: [Buffer.from(head), ...Array<Buffer>(ENDLESS_PIECES).fill(filler)] };
  },
  'invalid-json': () => ({
    status: 200,
    contentType: SSE,
    after: 'end',
    pieces: [
      role,
      event(chunk({ content: 'Before the bad chunk, ' })),
      'data: {"choices":[{"delta":{"content":"oops"\n\n',
      event(chunk({ content: 'after it.' })),
      stop,
      done,
    ].map((s) => Buffer.from(s)),
  }),
  'error-with-choices': () => ({
    status: 200,
    contentType: SSE,
    after: 'end',
    pieces: [
      role,
      event(chunk({ content: 'Partial answer ' })),
      event(chunk({ content: 'then ' }, null, { error: { message: 'Upstream provider failed mid-answer.', code: 502 } })),
    ].map((s) => Buffer.from(s)),
  }),
  'error-no-choices': () => ({
    status: 200,
    contentType: SSE,
    after: 'end',
    pieces: [
      role,
      event(chunk({ content: 'Partial answer ' })),
      event(JSON.stringify({ error: { message: 'Upstream provider failed mid-answer.', type: 'server_error' } })),
    ].map((s) => Buffer.from(s)),
  }),
  'drop-mid-token': () => {
    // The connection breaks inside a JSON line, in the middle of a multi-byte character.
    const head = role + event(chunk({ content: 'Cut off in the middle of ' }));
    const next = Buffer.from(`data: ${chunk({ content: 'wörds' })}\n\n`, 'utf8');
    const inside = next.indexOf(0xc3) + 1;
    return { status: 200, contentType: SSE, after: 'destroy', pieces: [Buffer.from(head), next.subarray(0, inside)] };
  },
  'no-done-finished': () => ({
    status: 200,
    contentType: SSE,
    after: 'end',
    pieces: [role, event(chunk({ content: 'Finished, but no DONE line.' })), stop].map((s) => Buffer.from(s)),
  }),
  'after-done': () => ({
    status: 200,
    contentType: SSE,
    // Some proxies keep the socket open after [DONE]; the client must not wait for it to close.
    after: 'hold',
    pieces: [
      role,
      event(chunk({ content: 'Everything before DONE.' })),
      stop,
      done,
      event(chunk({ content: ' INJECTED AFTER DONE' })),
      'data: {broken\n\n',
    ].map((s) => Buffer.from(s)),
  }),
  '503-html': () => ({
    status: 503,
    contentType: HTML,
    after: 'end',
    pieces: [Buffer.from(NGINX(503, 'Service Temporarily Unavailable'))],
  }),
  '504-html': () => ({ status: 504, contentType: HTML, after: 'end', pieces: [Buffer.from(NGINX(504, 'Gateway Time-out'))] }),
  gzip: () => ({
    status: 200,
    contentType: SSE,
    gzip: true,
    after: 'end',
    pieces: [Buffer.from(textStream(['Compressed ', 'with gzip ', 'and still read.']))],
  }),
  // Bodies that are not text: an image where a completion was asked for, and a gzip stream whose
  // Content-Encoding a proxy dropped (so the client gets compressed bytes labelled as events).
  'binary-200': () => ({ status: 200, contentType: 'image/png', after: 'end', pieces: [PNG_1x1] }),
  'gzip-unlabelled': () => ({
    status: 200,
    contentType: SSE,
    after: 'end',
    pieces: [gzipSync(Buffer.from(textStream(['Compressed ', 'but not labelled.'])))],
  }),
  'no-headers': () => ({ status: 200, contentType: SSE, after: 'hold', silent: true, pieces: [] }),
  'proto-keys': () => {
    const hostile = (json: string) => Buffer.from(`data: ${json}\n\n`);
    return {
      status: 200,
      contentType: SSE,
      after: 'end',
      pieces: [
        Buffer.from(role),
        hostile(
          '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"choices":[{"index":0,"delta":{"content":"Safe ","__proto__":{"polluted":"yes"}}}]}',
        ),
        hostile(
          '{"choices":[{"index":0,"delta":{"content":"from ","tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"constructor","arguments":"{\\"__proto__\\":{\\"polluted\\":\\"yes\\"}}"}}]}}]}',
        ),
        hostile(
          '{"choices":[{"index":0,"__proto__":{"index":7},"delta":{"content":"pollution.","constructor":{"prototype":{"polluted":"yes"}}},"logprobs":{"__proto__":{"polluted":"yes"}}}],"usage":{"__proto__":{"polluted":"yes"},"prompt_tokens":3,"completion_tokens":3,"total_tokens":6}}',
        ),
        Buffer.from(stop + done),
      ],
    };
  },
};

export const HOSTILE_STREAMS = Object.keys(HOSTILE);

/** The bytes of a hostile case (for tests); null if there is no such case. */
export function hostileStream(name: string): HostileStream | null {
  return HOSTILE[name]?.() ?? null;
}

/** Answers with hostile stream `name`, or returns null when it is not one. */
export function respondWithHostileStream(name: string, res: ServerResponse, headers: Record<string, string>): Promise<void> | null {
  const c = hostileStream(name);
  if (!c) return null;
  return (async () => {
    if (c.silent) return new Promise<void>((resolve) => res.on('close', () => resolve()));
    const head: Record<string, string> = { ...headers, 'Content-Type': c.contentType, 'Cache-Control': 'no-cache' };
    if (c.gzip) head['Content-Encoding'] = 'gzip';
    res.writeHead(c.status, head);
    res.flushHeaders();
    const pieces = c.gzip ? [gzipSync(Buffer.concat(c.pieces))] : c.pieces;
    const pause = pieces.length > 400 ? 0 : 2;
    for (const piece of pieces) {
      if (!(await write(res, piece))) return;
      if (pause > 0) await sleep(pause);
      else await new Promise((resolve) => setImmediate(resolve));
    }
    if (c.after === 'destroy') {
      // A browser drops bytes it has not handed to the page when the body then fails; a real drop
      // comes long after the last token reached the page, so give the client time to read them.
      await sleep(300);
      res.destroy();
    } else if (c.after === 'hold') {
      await new Promise<void>((resolve) => {
        res.on('close', () => resolve());
        // Never forever: a forgotten client is let go after a minute.
        setTimeout(() => {
          res.end();
          resolve();
        }, 60_000).unref();
      });
    } else res.end();
  })();
}
