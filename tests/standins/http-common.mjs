// Shared HTTP plumbing of the stand-ins: a loopback-only server, request bodies with a size
// limit, and the injected faults (see README.md).
import http from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

export const FAULT_KINDS = ['http500', 'http413', 'cutoff', 'badjson', 'slow'];

// A queue of faults; each applies to the next `times` requests, in the order they were set, once `after`
// requests have passed unharmed since it reached the head of the queue (to hit, say, the third statement of
// a transaction).
export function createFaults() {
  const queue = [];
  return {
    add(kind, { times = 1, ms = 1000, after = 0 } = {}) {
      if (!FAULT_KINDS.includes(kind)) throw new Error(`unknown fault kind ${kind} (one of ${FAULT_KINDS.join(', ')})`);
      if (!(Number.isInteger(times) && times > 0)) throw new Error('fault times must be a positive integer');
      if (!(Number.isInteger(after) && after >= 0)) throw new Error('fault after must be a non-negative integer');
      queue.push({ kind, left: times, ms, after });
    },
    take() {
      const f = queue[0];
      if (!f) return null;
      if (f.after > 0) {
        f.after--;
        return null;
      }
      if (--f.left === 0) queue.shift();
      return { kind: f.kind, ms: f.ms };
    },
    clear() {
      queue.length = 0;
    },
  };
}

export class BodyTooLarge extends Error {}

export function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let failed = false;
    req.on('data', (c) => {
      if (failed) return;
      size += c.length;
      if (size > limit) {
        failed = true;
        reject(new BodyTooLarge(`request is too large (max is ${limit} bytes)`));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => failed || resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

// A response the handler computed: { status, headers, body (string or Buffer) }.
export function send(res, { status, headers = {}, body }) {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  res.writeHead(status, { 'content-length': buf.length, ...headers });
  res.end(buf);
}

// Headers, then half of the body (at most 16 bytes), then the socket is destroyed.
function sendCutoff(res, { status, headers = {}, body }) {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  res.writeHead(status, { 'content-length': buf.length, ...headers });
  res.flushHeaders();
  const part = buf.subarray(0, Math.min(16, Math.floor(buf.length / 2)));
  res.write(part, () => setImmediate(() => res.socket?.destroy()));
}

// Start a loopback server. `handle(req, body) -> response` does the protocol; `faultBodies`
// gives the injected error responses of this protocol. POST /_standin/fault {kind, times, ms}
// sets a fault from another process (the Rust tests spawn serve.mjs).
export async function startServer({ port, handle, faultResponses, bodyLimit }) {
  const faults = createFaults();
  const timers = new Set();
  const server = http.createServer(async (req, res) => {
    try {
      if (req.method === 'POST' && req.url === '/_standin/fault') {
        const spec = JSON.parse((await readBody(req, 1 << 16)).toString('utf8') || '{}');
        if (spec.kind === 'clear') faults.clear();
        else faults.add(spec.kind, spec);
        return send(res, { status: 200, headers: { 'content-type': 'application/json' }, body: '{}' });
      }
      const fault = faults.take();
      if (fault?.kind === 'slow') {
        const ac = new AbortController();
        timers.add(ac);
        try {
          await delay(fault.ms, undefined, { signal: ac.signal });
        } catch {
          return;
        } finally {
          timers.delete(ac);
        }
      }
      if (fault?.kind === 'http500') return send(res, faultResponses.http500);
      if (fault?.kind === 'http413') return send(res, faultResponses.http413);
      if (fault?.kind === 'badjson') {
        return send(res, {
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: '<html><body>502 Bad Gateway (injected: not JSON)</body></html>',
        });
      }
      let body;
      try {
        body = await readBody(req, bodyLimit);
      } catch (e) {
        if (e instanceof BodyTooLarge) return send(res, faultResponses.tooLarge(e.message));
        throw e;
      }
      const response = await handle(req, body);
      if (fault?.kind === 'cutoff') return sendCutoff(res, response);
      send(res, response);
    } catch (e) {
      if (!res.headersSent) {
        send(res, {
          status: 500,
          headers: { 'content-type': 'text/plain' },
          body: `stand-in failure: ${e?.stack ?? e}`,
        });
      } else {
        res.destroy();
      }
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port: server.address().port,
    fault: (kind, opts) => faults.add(kind, opts),
    async close() {
      for (const ac of timers) ac.abort();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
