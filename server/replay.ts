// "[[replay:FILE]]": sends a recorded wire case byte for byte, cut into small
// seeded pieces (some inside multi-byte characters) to exercise client parsers.
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { ApiError } from './errors';
import { sleep, write } from './http';
import { hash53, Rng } from './prng';

async function statusFromIndex(wireDir: string, file: string): Promise<number> {
  try {
    const index = await readFile(path.join(wireDir, '..', 'INDEX.md'), 'utf8');
    const row = index.split('\n').find((line) => line.startsWith(`| ${file} |`));
    const match = row ? /status (\d{3})/.exec(row) : null;
    return match?.[1] ? Number(match[1]) : 400;
  } catch {
    return 400;
  }
}

function contentType(file: string): string {
  if (file.endsWith('.sse')) return 'text/event-stream; charset=utf-8';
  if (file.endsWith('.json')) return 'application/json';
  if (file.endsWith('.html')) return 'text/html; charset=utf-8';
  return 'text/plain; charset=utf-8';
}

/** Piece boundaries: 1–64 bytes each, with at least one cut inside a multi-byte character if there is one. */
export function splitBytes(bytes: Buffer, seedText: string): Buffer[] {
  const rng = new Rng(hash53(seedText));
  const cuts = new Set<number>();
  for (let at = rng.range(1, 64); at < bytes.length; at += rng.range(1, 64)) cuts.add(at);
  const multi = bytes.findIndex((b) => b >= 0xc0);
  if (multi >= 0 && multi + 1 < bytes.length) cuts.add(multi + 1);
  const sorted = [...cuts].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const cut of [...sorted, bytes.length]) {
    if (cut > from) pieces.push(bytes.subarray(from, cut));
    from = cut;
  }
  return pieces;
}

export async function replayCase(res: ServerResponse, wireDir: string, file: string, headers: Record<string, string>): Promise<void> {
  if (file.length === 0 || /[/\\]/.test(file) || file.includes('..')) {
    throw new ApiError(400, `Invalid replay file name: '${file}'. Use a bare file name from the wire cases folder.`, 'replay');
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(wireDir, file));
  } catch {
    throw new ApiError(404, `Replay file '${file}' was not found in ${wireDir}.`, 'replay', 'replay_not_found');
  }
  const status = file.includes('.error.') ? await statusFromIndex(wireDir, file) : 200;
  res.writeHead(status, { ...headers, 'Content-Type': contentType(file), 'Cache-Control': 'no-cache' });
  res.flushHeaders();
  const pieces = splitBytes(bytes, file);
  // ~1 ms between pieces, but never more than ~200 pauses, so a replay stays well under a second.
  const every = Math.ceil(pieces.length / 200);
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (!piece) continue;
    if (!(await write(res, piece))) return;
    if (i % every === every - 1) await sleep(1);
  }
  res.end();
}
