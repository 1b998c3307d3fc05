import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { defaultReasonCodes, readReasonCodes, reasonCodesSchema, resolveReasonOrThrow } from "./reason-codes";

const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return isAppError(error) ? { code: error.code, field: error.field, message: error.message } : error;
  }
  throw new Error("expected an error");
};

describe("reason codes", () => {
  it("uses the defaults when the application has none or an unreadable list", () => {
    expect(readReasonCodes(null)).toBe(defaultReasonCodes);
    expect(readReasonCodes([{ code: "Bad Code", label: "x", decisions: ["Declined"] }])).toBe(defaultReasonCodes);
    expect(reasonCodesSchema.safeParse(defaultReasonCodes).success).toBe(true);
  });

  it("refuses duplicate codes, empty labels, reasons for no decision and lists without decline or resubmission reasons", () => {
    const issues = (v: unknown) => reasonCodesSchema.safeParse(v).error?.issues.map((i) => i.message) ?? [];
    expect(issues([{ code: "fraud", label: "Fraud", decisions: ["Declined"] }, { code: "fraud", label: "Again", decisions: ["Resubmitted"] }])).toContain("The code fraud is used twice");
    expect(issues([{ code: "fraud", label: " ", decisions: ["Declined"] }, { code: "blurry", label: "Blurry", decisions: ["Resubmitted"] }])).toContain("Every reason needs a label");
    expect(issues([{ code: "fraud", label: "Fraud", decisions: [] }, { code: "blurry", label: "Blurry", decisions: ["Resubmitted"] }])).toContain("Pick at least one decision the reason applies to");
    expect(issues([{ code: "fraud", label: "Fraud", decisions: ["Declined"] }])).toContain("Keep at least one reason for Resubmitted: it is required there");
  });

  it("requires a reason to decline or ask again when asked to, and checks it applies to the decision", () => {
    expect(resolveReasonOrThrow(defaultReasonCodes, { decision: "Approved", code: null, required: true })).toBeNull();
    expect(resolveReasonOrThrow(defaultReasonCodes, { decision: "Declined", code: null, required: false })).toBeNull();
    expect(errorOf(() => resolveReasonOrThrow(defaultReasonCodes, { decision: "Declined", code: null, required: true }))).toMatchObject({ code: "validation_error", field: "reason_code" });
    expect(errorOf(() => resolveReasonOrThrow(defaultReasonCodes, { decision: "Resubmitted", code: "suspected_spoof", required: false }))).toMatchObject({ field: "reason_code", message: expect.stringContaining("poor_image_quality") });
    expect(resolveReasonOrThrow(defaultReasonCodes, { decision: "Declined", code: "other", required: true })?.label).toBe("Other");
  });
});
