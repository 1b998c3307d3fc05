import { describe, expect, it } from "vitest";
import { matchSubscription } from "@/lib/webhooks/match-subscription";

describe("matchSubscription", () => {
  it("matches event names directly", () => {
    expect(matchSubscription({ subscribed: ["status.updated"], type: "status.updated", status: "In Progress" })).toBe(true);
    expect(matchSubscription({ subscribed: ["data.updated"], type: "status.updated", status: "Approved" })).toBe(false);
  });

  it.each([
    ["session.verified", "Approved"],
    ["session.review_started", "In Review"],
    ["session.declined", "Declined"],
  ] as const)("maps %s to status.updated with status %s", (name, status) => {
    expect(matchSubscription({ subscribed: [name], type: "status.updated", status })).toBe(true);
    expect(matchSubscription({ subscribed: [name], type: "status.updated", status: "In Progress" })).toBe(false);
    expect(matchSubscription({ subscribed: [name], type: "data.updated", status })).toBe(false);
  });
});
