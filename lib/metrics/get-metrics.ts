import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { getInferenceStats } from "@/lib/vision/inference-stats";
import { registerScrapeGauges } from "./register-scrape-gauges";

// The process's Prometheus metrics (served by GET /metrics). One registry per process, anchored on
// globalThis: Next.js route chunks may each evaluate this module, and two registries would each see
// part of the traffic. Gauges whose value lives elsewhere (admission gates, inference pool, face
// indexes, database pool, webhook backlog) are read at scrape time (register-scrape-gauges.ts).
const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "faceid_" });
  registerScrapeGauges(registry);
  const registers = [registry];
  const metrics = {
    registry,
    httpRequests: new Counter({ name: "faceid_http_requests_total", help: "HTTP requests answered, by route pattern, method and status", labelNames: ["route", "method", "status"], registers }),
    httpDuration: new Histogram({ name: "faceid_http_request_duration_seconds", help: "Time to answer an HTTP request (until the response is returned, not streamed)", labelNames: ["route", "method", "status"], buckets: seconds, registers }),
    checks: new Counter({ name: "faceid_checks_total", help: "Face checks finished, by origin (api: /v3 standalone, console: the console playground, session: hosted capture), type and status", labelNames: ["origin", "type", "status"], registers }),
    inferenceSeconds: new Histogram({ name: "faceid_inference_job_seconds", help: "One inference job (a whole image analysis or liveness scoring), queueing behind other jobs in its inference worker included", labelNames: ["task"], buckets: seconds, registers }),
    shed: new Counter({ name: "faceid_shed_requests_total", help: "Requests refused with 503 because an admission gate was full (load shedding)", labelNames: ["gate"], registers }),
    webhookAttempts: new Counter({ name: "faceid_webhook_attempts_total", help: "Webhook delivery attempts, by outcome (delivered, retry, failed)", labelNames: ["outcome"], registers }),
    webhookFailures: new Counter({ name: "faceid_webhook_failures_total", help: "Webhook deliveries given up (failed for good)", registers }),
    webhookLag: new Histogram({ name: "faceid_webhook_delivery_lag_seconds", help: "From a delivery being queued to its successful attempt", buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 3600], registers }),
  };
  getInferenceStats().observe = (task, s) => metrics.inferenceSeconds.observe({ task }, s);
  return metrics;
}

export type Metrics = ReturnType<typeof create>;

const KEY = Symbol.for("faceid.metrics");
const holder = globalThis as typeof globalThis & { [KEY]?: Metrics };

export function getMetrics(): Metrics {
  holder[KEY] ??= create();
  return holder[KEY];
}
