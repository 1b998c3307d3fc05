import { z } from "zod";
import { AppError } from "@/lib/errors";

// Structured reasons for manual decisions. Application.reasonCodes holds the team's own list; null means
// these defaults. A code names one reason (stable, sent in webhooks), its label is what people read.
export const reasonDecisions = ["Approved", "Declined", "Resubmitted"] as const;
export type ReasonDecision = (typeof reasonDecisions)[number];
export type ReasonCode = { code: string; label: string; decisions: ReasonDecision[] };

export const defaultReasonCodes: ReasonCode[] = [
  { code: "verified_manually", label: "Verified manually", decisions: ["Approved"] },
  { code: "false_positive", label: "Warning was a false positive", decisions: ["Approved"] },
  { code: "suspected_spoof", label: "Suspected spoof (photo, screen or mask)", decisions: ["Declined"] },
  { code: "face_mismatch", label: "Face does not match the reference", decisions: ["Declined"] },
  { code: "duplicate_identity", label: "Duplicate identity", decisions: ["Declined"] },
  { code: "blocklisted", label: "Face is on a blocklist", decisions: ["Declined"] },
  { code: "poor_image_quality", label: "Poor image quality", decisions: ["Resubmitted"] },
  { code: "face_not_visible", label: "Face not clearly visible", decisions: ["Resubmitted"] },
  { code: "wrong_person", label: "Wrong person in frame", decisions: ["Resubmitted"] },
  { code: "other", label: "Other", decisions: ["Approved", "Declined", "Resubmitted"] },
];

export const reasonCodeSchema = z.object({
  code: z.string().trim().regex(/^[a-z0-9_]{2,40}$/, "Use 2 to 40 lowercase letters, digits or underscores"),
  label: z.string().trim().min(1, "Every reason needs a label").max(120),
  decisions: z.array(z.enum(reasonDecisions)).min(1, "Pick at least one decision the reason applies to").max(3),
});

export const reasonCodesSchema = z
  .array(reasonCodeSchema)
  .min(1, "Keep at least one reason")
  .max(50)
  .superRefine((codes, ctx) => {
    const seen = new Set<string>();
    codes.forEach((c, i) => {
      if (seen.has(c.code)) ctx.addIssue({ code: "custom", path: [i, "code"], message: `The code ${c.code} is used twice` });
      seen.add(c.code);
    });
    for (const decision of ["Declined", "Resubmitted"] as const) {
      if (!codes.some((c) => c.decisions.includes(decision))) ctx.addIssue({ code: "custom", path: [], message: `Keep at least one reason for ${decision}: it is required there` });
    }
  });

// The application's list, or the defaults when none is set (or the stored value is unreadable).
export function readReasonCodes(value: unknown): ReasonCode[] {
  if (value === null || value === undefined) return defaultReasonCodes;
  const parsed = reasonCodesSchema.safeParse(value);
  return parsed.success ? parsed.data : defaultReasonCodes;
}

// A reviewer's decline or resubmission request needs a reason (`required`; API callers, as with the
// hosted service, may leave it out); approvals may carry one. A code must be on the list and apply to
// this decision.
export function resolveReasonOrThrow(codes: ReasonCode[], input: { decision: ReasonDecision; code: string | null | undefined; required: boolean }): ReasonCode | null {
  if (!input.code) {
    if (input.decision === "Approved" || !input.required) return null;
    throw new AppError("validation_error", `reason_code is required for ${input.decision}: one of ${codes.filter((c) => c.decisions.includes(input.decision)).map((c) => c.code).join(", ")}.`, { field: "reason_code" });
  }
  const reason = codes.find((c) => c.code === input.code);
  if (!reason || !reason.decisions.includes(input.decision)) {
    throw new AppError("validation_error", `reason_code ${input.code} is not a reason for ${input.decision}: use one of ${codes.filter((c) => c.decisions.includes(input.decision)).map((c) => c.code).join(", ")}.`, { field: "reason_code" });
  }
  return reason;
}
