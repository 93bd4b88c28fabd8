// A loopback HTTP proxy in front of Elasticsearch for forwarder tests: passes requests through
// untouched until told to misbehave on `_bulk` requests: answer 429 (request- or item-level)
// for a while, delay, close connections, lose the answer of a request Elasticsearch did carry
// out, go away for a while (an outage: ECONNREFUSED, then back on the same port), or refuse
// connections altogether, each optionally only after N bulk requests went through.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gunzipSync } from 'node:zlib';

export type Fault =
  /** Pass through. */
  | { kind: 'none' }
  /** Answer the whole request 429 (request-level rejection). */
  | { kind: 'status'; status: number }
  /** Answer 200 with every item rejected 429 (es_rejected_execution_exception). */
  | { kind: 'item429' }
  /** Destroy the socket without answering. */
  | { kind: 'close' }
  /** Wait, then pass through. */
  | { kind: 'delay'; ms: number }
  /** Pass through, then destroy the socket instead of answering: the work is done, the answer lost. */
  | { kind: 'lostResponse' }
  /** Drop every connection and refuse new ones for `ms`, then accept again (Elasticsearch restarting). */
  | { kind: 'outage'; ms: number };

export interface FaultPlan {
  fault: Fault;
  /** Bulk requests passed through untouched before the fault starts (default 0). */
  after?: number;
  /** How many bulk requests get the fault before it clears (default: forever). */
  times?: number;
}

export interface BulkProxy {
  url: string;
  /** Bulk requests seen, passed to Elasticsearch, and answered with a fault. */
  readonly counts: { bulk: number; passed: number; faulted: number };
  setPlan(plan: FaultPlan): void;
  /**
   * Resolves once no request is being handled and no outage is pending: a delayed request the
   * client gave up on still reaches Elasticsearch, and a test must not count documents before.
   */
  idle(): Promise<void>;
  /** Stop accepting connections (and drop open ones): clients get ECONNREFUSED. */
  refuse(): Promise<void>;
  /** Accept connections again, on the same port. */
  accept(): Promise<void>;
  close(): Promise<void>;
}

/** The client refuses 2xx answers without the product header. */
const JSON_HEADERS = { 'content-type': 'application/json', 'x-elastic-product': 'Elasticsearch' };

async function readBody(request: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The number of actions in an NDJSON bulk body (create/index actions carry a source line). */
function countActions(body: Buffer, gzipped: boolean): number {
  const text = (gzipped ? gunzipSync(body) : body).toString('utf8');
  return text.split('\n').filter((line) => line.trim() !== '').length / 2;
}

export async function startBulkProxy(target: string): Promise<BulkProxy> {
  const upstream = new URL(target);
  let plan: FaultPlan = { fault: { kind: 'none' } };
  let bulkInPlan = 0;
  const counts = { bulk: 0, passed: 0, faulted: 0 };
  const sockets = new Set<Socket>();
  const outages = new Set<Promise<unknown>>();

  const handling = new Set<Promise<void>>();

  /** Sends the request upstream; resolves once the answer was relayed (or dropped). */
  const forward = (
    request: http.IncomingMessage,
    response: http.ServerResponse,
    body: Buffer,
    dropAnswer = false
  ): Promise<void> =>
    new Promise<void>((resolve) => {
      const proxied = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: request.method,
          path: request.url,
          headers: { ...request.headers, host: upstream.host },
        },
        (answer) => {
          answer.on('close', () => resolve());
          if (dropAnswer) {
            answer.on('end', () => request.socket.destroy());
            answer.resume();
            return;
          }
          // The client may be gone (it timed out, or an outage dropped it): drain the answer
          // anyway, or it stalls unpiped and this request never finishes.
          if (response.destroyed) {
            answer.resume();
            return;
          }
          response.on('close', () => answer.resume());
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        }
      );
      proxied.on('error', () => {
        response.destroy();
        resolve();
      });
      proxied.end(body);
    });

  const server = http.createServer((request, response) => {
    const handled = (async () => {
      const body = await readBody(request);
      const isBulk = /\/_bulk(\?|$)/.test(request.url ?? '');
      if (!isBulk) return forward(request, response, body);
      counts.bulk += 1;
      const index = bulkInPlan++;
      const after = plan.after ?? 0;
      const active =
        plan.fault.kind !== 'none' &&
        index >= after &&
        (plan.times === undefined || index < after + plan.times);
      if (!active) {
        counts.passed += 1;
        return forward(request, response, body);
      }
      counts.faulted += 1;
      const fault = plan.fault;
      switch (fault.kind) {
        case 'status':
          response.writeHead(fault.status, JSON_HEADERS);
          response.end(
            JSON.stringify({
              error: { type: 'es_rejected_execution_exception', reason: 'injected by proxy' },
              status: fault.status,
            })
          );
          return;
        case 'item429': {
          const actions = countActions(body, request.headers['content-encoding'] === 'gzip');
          const item = {
            create: {
              status: 429,
              error: { type: 'es_rejected_execution_exception', reason: 'injected by proxy' },
            },
          };
          response.writeHead(200, JSON_HEADERS);
          response.end(
            JSON.stringify({
              took: 1,
              errors: true,
              items: Array.from({ length: actions }, () => item),
            })
          );
          return;
        }
        case 'close':
          request.socket.destroy();
          return;
        case 'delay':
          await new Promise((resolve) => setTimeout(resolve, fault.ms));
          counts.passed += 1;
          return forward(request, response, body);
        case 'lostResponse':
          return forward(request, response, body, true);
        case 'outage': {
          const back = stop()
            .then(() => new Promise((resolve) => setTimeout(resolve, fault.ms)))
            .then(() => listen(port));
          outages.add(back);
          await back.finally(() => outages.delete(back));
          return;
        }
        default:
          return forward(request, response, body);
      }
    })()
      .catch(() => {
        response.destroy();
      })
      .finally(() => handling.delete(handled));
    handling.add(handled);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });

  await listen(0);
  const { port } = server.address() as AddressInfo;
  const idle = async (): Promise<void> => {
    while (handling.size > 0 || outages.size > 0) {
      await Promise.allSettled([...handling, ...outages]);
    }
  };
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    setPlan(next) {
      plan = next;
      bulkInPlan = 0;
    },
    idle,
    refuse: stop,
    accept: () => listen(port),
    close: async () => {
      await idle();
      if (server.listening) await stop();
    },
  };
}
