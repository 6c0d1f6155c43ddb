// tsx server/cli.ts [--port 8787] [--host 127.0.0.1] [--api-key KEY] [--static DIR] [--rate TOKENS_PER_SEC] [--log]
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createReferenceServer } from './app';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'api-key': { type: 'string' },
    static: { type: 'string' },
    rate: { type: 'string' },
    log: { type: 'boolean' },
  },
});

const port = Number(values.port ?? process.env['PORT'] ?? 8787);
const host = values.host ?? process.env['HOST'] ?? '127.0.0.1';
const rate = values.rate !== undefined ? Number(values.rate) : undefined;
if (!Number.isInteger(port) || port < 0 || (rate !== undefined && !(rate >= 0))) {
  console.error('Usage: tsx server/cli.ts [--port 8787] [--host 127.0.0.1] [--api-key KEY] [--static DIR] [--rate TOKENS_PER_SEC] [--log]');
  process.exit(2);
}
const staticDir = values.static ? path.resolve(values.static) : undefined;

const server = createReferenceServer({
  apiKey: values['api-key'] ?? process.env['REF_API_KEY'],
  staticDir,
  tokensPerSecond: rate,
  log: values.log ?? false,
});

server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} on ${host} is already in use.` : `Server error: ${error.message}`);
  process.exit(1);
});

server.listen(port, host, () => {
  const { port: actual } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  console.log(`Reference endpoint listening on http://${shown}:${actual}/v1`);
  if (staticDir) console.log(`Playground: http://${shown}:${actual}/`);
});

// Streams and [[fault:hang]] keep sockets open; close them so shutdown is prompt.
let stopping = false;
function shutdown(): void {
  if (stopping) process.exit(1); // A second Ctrl-C means "now".
  stopping = true;
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), 500).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
