import type { NextRequest } from "next/server";
import { getMetrics } from "./get-metrics";
import { routePattern } from "./route-pattern";

type RouteParams = { params: Promise<Record<string, string | string[]>> };

// Counts a route handler's requests by route pattern, method and status, with their latency. Applied
// by the shared wrappers (withApiKey: /v3; withConsoleSession: console endpoints) and by the capture
// endpoints; pages, /media, health probes and /metrics itself are not counted.
export function withRequestMetrics<R extends RouteParams>(handler: (req: NextRequest, route: R) => Promise<Response>) {
  return async (req: NextRequest, route: R): Promise<Response> => {
    const started = performance.now();
    let status = 500;
    try {
      const res = await handler(req, route);
      status = res.status;
      return res;
    } finally {
      const params = await route?.params?.catch(() => undefined);
      const labels = { route: routePattern(req.nextUrl.pathname, params), method: req.method, status: String(status) };
      const { httpRequests, httpDuration } = getMetrics();
      httpRequests.inc(labels);
      httpDuration.observe(labels, (performance.now() - started) / 1000);
    }
  };
}
