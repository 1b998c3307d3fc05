import { describe, expect, it } from "vitest";
import { planNextAttempt, type AttemptResult } from "@/lib/webhooks/plan-next-attempt";

const now = new Date("2026-03-01T12:00:00Z");
const base = { firstQueuedAt: now, now, retryBaseMs: 30_000, retryMaxMs: 3_600_000, retryWindowMs: 72 * 3600_000, random: () => 0.5 };
const plan = (result: AttemptResult, extra: Partial<Parameters<typeof planNextAttempt>[0]> = {}) => planNextAttempt({ ...base, attempts: 1, result, ...extra });

describe("planNextAttempt", () => {
  it("settles 2xx as delivered", () => {
    expect(plan({ statusCode: 204 })).toEqual({ action: "delivered" });
  });

  it.each([500, 502, 503, 404, 408, 429])("retries %s", (code) => {
    expect(plan({ statusCode: code }).action).toBe("retry");
  });

  it("retries timeouts and network errors", () => {
    expect(plan({ statusCode: null, kind: "timeout" }).action).toBe("retry");
    expect(plan({ statusCode: null, kind: "network", error: "ECONNREFUSED" }).action).toBe("retry");
  });

  it.each([400, 401, 403, 422, 301])("stops on %s", (code) => {
    expect(plan({ statusCode: code }).action).toBe("fail");
  });

  it("disables the destination on 410", () => {
    expect(plan({ statusCode: 410 })).toMatchObject({ action: "fail", disableDestination: true });
  });

  it("stops when the address was refused by the SSRF guard", () => {
    expect(plan({ statusCode: null, kind: "refused", error: "private" }).action).toBe("fail");
  });

  it("retries 401 while a rotated secret's grace period runs", () => {
    expect(plan({ statusCode: 401 }, { inSecretRotationGrace: true }).action).toBe("retry");
  });

  it("backs off exponentially, capped, with jitter", () => {
    const at = (attempts: number, random = 0.5) => {
      const step = plan({ statusCode: 500 }, { attempts, random: () => random });
      return step.action === "retry" ? step.at.getTime() - now.getTime() : NaN;
    };
    expect([1, 2, 3, 4].map((n) => at(n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(at(30)).toBe(3_600_000);
    expect(at(1, 0)).toBe(24_000);
    expect(at(1, 1)).toBe(36_000);
  });

  it("keeps retrying for the whole 72 h window and gives up after it", () => {
    const later = (hours: number) => new Date(now.getTime() + hours * 3600_000);
    expect(plan({ statusCode: 503 }, { attempts: 40, now: later(71.9) }).action).toBe("retry");
    expect(plan({ statusCode: 503 }, { attempts: 40, now: later(72) })).toMatchObject({ action: "fail", reason: expect.stringContaining("gave up") });
  });

  it("gives a replayed delivery a few attempts even past the window", () => {
    const later = new Date(now.getTime() + 100 * 3600_000);
    expect(plan({ statusCode: 503 }, { attempts: 1, now: later }).action).toBe("retry");
  });
});
