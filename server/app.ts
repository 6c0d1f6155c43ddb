// The reference endpoint: an OpenAI-compatible Chat Completions server that is
// deterministic (tests can assert exact output) and can serve the playground.
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAuth, checkAzure, handleChat } from './chat';
import type { ChatContext } from './chat';
import { ApiError, notFoundUrl, serverError } from './errors';
import { OnceTracker } from './faults';
import { BodyTooLarge, sendError, sendJson, setCors } from './http';
import { modelList } from './models';
import { RequestLog } from './request-log';
import { serveStatic } from './static';
import type { ReferenceServerOptions } from './types';

export type { ReferenceServerOptions } from './types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function route(req: IncomingMessage, res: ServerResponse, ctx: ChatContext, staticDir: string | undefined): Promise<void> {
  setCors(req, res);
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') {
    res.writeHead(204, { 'Access-Control-Max-Age': '86400' });
    res.end();
    return;
  }
  // Prefixing keeps a path like "//v1" from being read as a host name.
  const { pathname } = new URL(`http://localhost${req.url ?? '/'}`);

  if (pathname === '/__ref/health' && method === 'GET') return sendJson(res, 200, { ok: true });
  if (pathname === '/__ref/requests') {
    if (method === 'GET') return sendJson(res, 200, ctx.log.list());
    if (method === 'DELETE') {
      ctx.log.clear();
      return sendJson(res, 200, { ok: true });
    }
  }
  if (pathname === '/v1' || pathname.startsWith('/v1/')) {
    if (pathname === '/v1/chat/completions' && method === 'POST') return handleChat(req, res, ctx);
    const denied = checkAuth(req, ctx.apiKey);
    if (denied) return sendError(res, denied);
    if (pathname === '/v1/models' && method === 'GET') return sendJson(res, 200, modelList());
    throw notFoundUrl(method, pathname);
  }
  // DeepSeek's beta base URL (`https://api.deepseek.com/beta`), where chat prefix completion is accepted.
  if (pathname === '/beta/chat/completions' && method === 'POST') return handleChat(req, res, ctx, { beta: true });
  if (pathname === '/beta/models' && method === 'GET') {
    const denied = checkAuth(req, ctx.apiKey);
    return denied ? sendError(res, denied) : sendJson(res, 200, modelList());
  }
  // Azure OpenAI's classic persona: the deployment name in the path, api-version in the query, key in api-key.
  const azure = /^\/openai\/deployments\/[^/]+\/(chat\/completions|models)$/.exec(pathname);
  if (azure) {
    if (azure[1] === 'chat/completions' && method === 'POST') return handleChat(req, res, ctx, { azure: true });
    if (azure[1] === 'models' && method === 'GET') {
      const refused = checkAzure(req, ctx.apiKey);
      return refused ? sendJson(res, refused.status, refused.body) : sendJson(res, 200, modelList());
    }
  }
  if (staticDir && (method === 'GET' || method === 'HEAD') && !pathname.startsWith('/__ref/')) {
    return serveStatic(req, res, staticDir, pathname);
  }
  if (pathname === '/' && method === 'GET') {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Reference endpoint. API base URL: /v1 (try GET /v1/models).\n');
    return;
  }
  throw notFoundUrl(method, pathname);
}

export function createReferenceServer(options: ReferenceServerOptions): http.Server {
  const ctx: ChatContext = {
    apiKey: options.apiKey || undefined,
    tokensPerSecond: options.tokensPerSecond ?? 60,
    wireDir: options.wireDir ?? process.env['WIRE_DIR'] ?? path.resolve(repoRoot, 'server/wire/cases'),
    log: new RequestLog(),
    once: new OnceTracker(),
    stats: { requests: 0, tokens: 0 },
  };
  return http.createServer((req, res) => {
    const started = Date.now();
    req.socket.setNoDelay(true);
    if (options.log) {
      res.on('close', () => console.log(`${req.method ?? '?'} ${req.url ?? ''} ${res.statusCode} ${Date.now() - started}ms`));
    }
    route(req, res, ctx, options.staticDir).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof ApiError) return sendError(res, error);
      if (error instanceof BodyTooLarge) return sendError(res, new ApiError(413, 'Request body too large.'));
      console.error('reference endpoint error:', error);
      sendError(res, serverError());
    });
  });
}
