#!/usr/bin/env node
// Serves the built demo (dist/) on 127.0.0.1 with Node's http module and prints
// its URL; Ctrl-C (SIGINT) or SIGTERM closes it cleanly.
//
//   node serve.mjs [--port N] [--dir PATH]     (default port 4173, or $PORT; 0 = any free port)
// If the default port is taken, a free one is used instead (an explicit --port is not changed).
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

const ISOLATION = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

function arg(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(arg('dir') ?? join(here, 'dist'));
const explicitPort = arg('port') ?? process.env.PORT;
const port = explicitPort !== undefined ? Number(explicitPort) : 4173;

try {
  statSync(join(root, 'index.html'));
} catch {
  console.error(`serve.mjs: ${join(root, 'index.html')} is missing; run \`npm run build\` in www-demo/ first`);
  process.exit(1);
}

/** The file a URL path names inside root, or undefined (outside root, or not a file). */
function fileFor(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  let file = resolve(root, `.${path}`);
  const rel = relative(root, file);
  if (rel.startsWith('..') || rel.split(sep).includes('..')) return undefined;
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

const server = createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const file = fileFor(new URL(req.url ?? '/', 'http://localhost').pathname);
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  const hashed = file.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'content-length': statSync(file).size,
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
    // Cross-origin isolation: the page's performance.now() then ticks in 5 µs
    // steps instead of 100 µs, which the SQL panel's per-statement times need.
    // Every asset is same-origin, so nothing is blocked by it.
    ...ISOLATION,
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
});

function listen(p) {
  server.once('error', (e) => {
    if (e.code === 'EADDRINUSE' && explicitPort === undefined && p !== 0) {
      console.error(`serve.mjs: port ${p} is taken, using a free one`);
      listen(0);
    } else {
      console.error(`serve.mjs: ${e.message}`);
      process.exit(1);
    }
  });
  server.listen(p, '127.0.0.1', () => {
    console.log(
      `www-demo: serving ${relative(process.cwd(), root) || '.'} at http://127.0.0.1:${server.address().port}/  (Ctrl-C stops)`,
    );
  });
}

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\nwww-demo: ${signal}, stopping the server`);
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

listen(port);
