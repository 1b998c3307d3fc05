import http from "node:http";
import type { AddressInfo } from "node:net";

// Marks the answers the proxy writes itself (no instance up, the instance died with the request): they
// are the load balancer's, not the API's, so the integration suite's OpenAPI check leaves them alone.
export const PROXY_ANSWER_HEADER = "x-test-proxy-answer";

// A small load balancer on loopback, as an operator would put in front of several instances: round
// robin over the backends that answer /readyz, X-Forwarded-For/-Proto/-Host added, a request whose
// connection was refused (nothing sent) tried on the next backend, and a connection that breaks after
// the request went out answered 502. It records which backend served each request and when, so a test
// can tell the requests that were in flight on a killed instance from everything else.
export type Served = { backend: number; method: string; path: string; status: number; startedAt: number; endedAt: number };

export type RoundRobinProxy = {
  url: string;
  served: Served[];
  /** points backend `index` at a (new) address; `null` takes it out of rotation */
  setBackend: (index: number, url: string | null) => void;
  /** the requests forwarded and not yet answered, with their backend */
  inFlight: () => { backend: number; method: string; path: string }[];
  /** whether each backend is in rotation (it answered its last health check) */
  inRotation: () => boolean[];
  close: () => Promise<void>;
};

const HOP_BY_HOP = ["connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection", "te", "trailer"];

function forward(target: URL, req: http.IncomingMessage, body: Buffer, proxyHost: string): Promise<http.IncomingMessage> {
  const headers: http.OutgoingHttpHeaders = { ...req.headers };
  for (const h of HOP_BY_HOP) delete headers[h];
  const prior = req.headers["x-forwarded-for"];
  headers["x-forwarded-for"] = [prior, req.socket.remoteAddress].filter(Boolean).join(", ");
  headers["x-forwarded-proto"] = "http";
  headers["x-forwarded-host"] = proxyHost;
  headers["content-length"] = String(body.length);
  return new Promise((resolve, reject) => {
    const out = http.request({ hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers, agent: false }, resolve);
    out.on("error", reject);
    out.end(body);
  });
}

/** `size` backend slots, all out of rotation until `setBackend` fills them */
export async function startRoundRobinProxy(size: number): Promise<RoundRobinProxy> {
  const backends: (URL | null)[] = Array.from({ length: size }, () => null);
  const healthy = backends.map(() => false);
  const served: Served[] = [];
  const open = new Set<{ backend: number; method: string; path: string }>();
  let next = 0;

  // the next healthy backend; when none is, any configured one (as nginx does when all are marked
  // down): a busy instance that missed its health checks still serves better than a 503
  const pick = (skip: Set<number>): number | null => {
    for (const wantHealthy of [true, false]) {
      for (let i = 0; i < backends.length; i++) {
        const candidate = (next + i) % backends.length;
        if (backends[candidate] && (healthy[candidate] || !wantHealthy) && !skip.has(candidate)) {
          next = candidate + 1;
          return candidate;
        }
      }
    }
    return null;
  };

  const server = http.createServer(async (req, res) => {
    const startedAt = Date.now();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const tried = new Set<number>();
    const record = (backend: number, status: number) => served.push({ backend, method: req.method ?? "GET", path: req.url ?? "/", status, startedAt, endedAt: Date.now() });
    for (;;) {
      const index = pick(tried);
      if (index === null) {
        record(-1, 503);
        res.writeHead(503, { "content-type": "application/json", [PROXY_ANSWER_HEADER]: "1" }).end(JSON.stringify({ error: { code: "no_backend", message: "no instance is up" } }));
        return;
      }
      tried.add(index);
      const pending = { backend: index, method: req.method ?? "GET", path: req.url ?? "/" };
      open.add(pending);
      try {
        const upstream = await forward(backends[index]!, req, body, req.headers.host ?? "");
        const headers = { ...upstream.headers };
        for (const h of HOP_BY_HOP) delete headers[h];
        const answer: Buffer[] = [];
        for await (const c of upstream) answer.push(c as Buffer);
        record(index, upstream.statusCode ?? 502);
        res.writeHead(upstream.statusCode ?? 502, headers).end(Buffer.concat(answer));
        return;
      } catch (error) {
        // refused: the request never reached that instance, so it is safe to send elsewhere
        if ((error as NodeJS.ErrnoException).code === "ECONNREFUSED") {
          healthy[index] = false;
          continue;
        }
        record(index, 502);
        res.writeHead(502, { "content-type": "application/json", [PROXY_ANSWER_HEADER]: "1" }).end(JSON.stringify({ error: { code: "bad_gateway", message: String(error) } }));
        return;
      } finally {
        open.delete(pending);
      }
    }
  });

  // health checks, as a load balancer runs them: an instance comes back into rotation once ready, and
  // leaves it when it says it is not ready or misses three checks in a row (a refused connection takes
  // it out at once, above)
  const misses = backends.map(() => 0);
  const probe = setInterval(() => {
    backends.forEach((b, i) => {
      if (!b) return;
      fetch(new URL("/readyz", b), { signal: AbortSignal.timeout(2000) })
        .then((r) => {
          misses[i] = 0;
          healthy[i] = r.ok;
        })
        .catch(() => {
          if (++misses[i] >= 3) healthy[i] = false;
        });
    });
  }, 250);

  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    setBackend: (index, url) => {
      backends[index] = url ? new URL(url) : null;
      healthy[index] = false;
    },
    inRotation: () => [...healthy],
    inFlight: () => [...open],
    close: () => {
      clearInterval(probe);
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}
