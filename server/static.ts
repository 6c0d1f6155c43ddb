// Serves the built playground: correct MIME types, SPA fallback to index.html,
// and no path can escape the static directory.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string, size: number, cache: string): void {
  res.writeHead(200, {
    'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': cache,
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Not found\n');
}

/** Handles GET/HEAD for a path outside /v1 and /__ref. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, pathname: string): Promise<void> {
  const base = path.resolve(root);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return notFound(res);
  }
  if (decoded.includes('\0')) return notFound(res);
  // Resolve, then check containment: catches "..", encoded "%2e%2e" and "%2f" alike.
  const target = path.resolve(base, `.${decoded}`);
  const inside = target === base || target.startsWith(base + path.sep);
  const file = inside && decoded.endsWith('/') ? path.join(target, 'index.html') : target;
  if (inside && (await isFile(file))) {
    const isIndex = path.basename(file) === 'index.html';
    // Vite's hashed assets never change; everything else must revalidate.
    const cache = !isIndex && decoded.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    sendFile(req, res, file, (await stat(file)).size, cache);
    return;
  }
  // SPA fallback for client-side routes; a missing asset (has an extension) stays a 404.
  const ext = path.extname(decoded);
  const index = path.join(base, 'index.html');
  if ((ext === '' || ext === '.html') && (await isFile(index))) {
    sendFile(req, res, index, (await stat(index)).size, 'no-cache');
    return;
  }
  notFound(res);
}
