import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { authorizeMetricsScrapeOrThrow } from "@/lib/metrics/authorize-metrics-scrape";

const TOKEN = "scrape-token-0123456789abcdef";
const codeOf = (headers: Record<string, string>) => {
  try {
    authorizeMetricsScrapeOrThrow(new Headers(headers));
    return "ok";
  } catch (error) {
    return isAppError(error) ? error.code : String(error);
  }
};

describe("authorizeMetricsScrapeOrThrow", () => {
  afterEach(() => {
    delete process.env.METRICS_TOKEN;
    resetEnvCache();
  });

  it("hides the endpoint while METRICS_TOKEN is unset, whatever is sent", () => {
    resetEnvCache();
    expect(codeOf({})).toBe("not_found");
    expect(codeOf({ authorization: "Bearer " })).toBe("not_found");
  });

  it("lets only the exact bearer token through", () => {
    process.env.METRICS_TOKEN = TOKEN;
    resetEnvCache();
    expect(codeOf({ authorization: `Bearer ${TOKEN}` })).toBe("ok");
    expect(codeOf({ authorization: `bearer  ${TOKEN}` })).toBe("ok");
    expect(codeOf({})).toBe("unauthorized");
    expect(codeOf({ authorization: TOKEN })).toBe("unauthorized");
    expect(codeOf({ authorization: `Bearer ${TOKEN.slice(0, -1)}` })).toBe("unauthorized");
    expect(codeOf({ authorization: `Bearer ${TOKEN}0` })).toBe("unauthorized");
  });
});
