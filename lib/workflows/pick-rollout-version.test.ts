import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { pickRolloutVersion } from "@/lib/workflows/pick-rollout-version";
import { splitBucket } from "@/lib/workflows/pick-split-branch";

const base = { workflowId: "wf-1", publishedVersionId: "v1", rolloutVersionId: "v2" };

describe("pickRolloutVersion", () => {
  it.each([10, 50, 90])("sends about %i percent of 10 000 new sessions to the rollout version", (percent) => {
    const ids = Array.from({ length: 10_000 }, () => randomUUID());
    const onRollout = ids.filter((sessionId) => pickRolloutVersion({ ...base, rolloutPercent: percent, sessionId }) === "v2").length;
    // binomial standard deviation at n = 10 000 is at most 0.5 percentage points: 2 points is > 4 sigma
    expect(Math.abs(onRollout / 100 - percent)).toBeLessThan(2);
  });

  it("answers the same version for the same session every time", () => {
    const ids = Array.from({ length: 200 }, (_, i) => `session-${i}`);
    const first = ids.map((sessionId) => pickRolloutVersion({ ...base, rolloutPercent: 30, sessionId }));
    const again = ids.map((sessionId) => pickRolloutVersion({ ...base, rolloutPercent: 30, sessionId }));
    expect(again).toEqual(first);
    expect(new Set(first)).toEqual(new Set(["v1", "v2"]));
  });

  it("keeps a session's choice when the percentage grows (no flip-flopping between versions)", () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `s${i}`);
    for (const sessionId of ids) {
      if (pickRolloutVersion({ ...base, rolloutPercent: 20, sessionId }) === "v2") expect(pickRolloutVersion({ ...base, rolloutPercent: 60, sessionId })).toBe("v2");
    }
  });

  it("is independent of the A/B split buckets of the same session", () => {
    const ids = Array.from({ length: 4000 }, () => randomUUID());
    const both = ids.filter((id) => splitBucket(id, `rollout:${base.workflowId}`) < 50 && splitBucket(id, "split") < 50).length;
    expect(Math.abs(both / 4000 - 0.25)).toBeLessThan(0.04);
  });

  it("uses the published version when no rollout is under way, and the rollout version when nothing is published", () => {
    expect(pickRolloutVersion({ ...base, rolloutVersionId: null, rolloutPercent: null, sessionId: "a" })).toBe("v1");
    expect(pickRolloutVersion({ ...base, rolloutPercent: 0, sessionId: "a" })).toBe("v1");
    expect(pickRolloutVersion({ ...base, rolloutPercent: 100, sessionId: "a" })).toBe("v2");
    expect(pickRolloutVersion({ ...base, publishedVersionId: null, rolloutPercent: 10, sessionId: "a" })).toBe("v2");
  });
});
