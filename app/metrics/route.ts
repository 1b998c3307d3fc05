import { handleApiError } from "@/lib/api/error-response";
import { authorizeMetricsScrapeOrThrow } from "@/lib/metrics/authorize-metrics-scrape";
import { getMetrics } from "@/lib/metrics/get-metrics";

export const dynamic = "force-dynamic";

// GET /metrics – Prometheus text format, for a scraper holding METRICS_TOKEN (404 while it is unset)
export async function GET(req: Request) {
  try {
    authorizeMetricsScrapeOrThrow(req.headers);
    const { registry } = getMetrics();
    return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
  } catch (error) {
    return handleApiError(error);
  }
}
