import { z } from "zod";

const internalComment = z.string().trim().max(2000);
const customerComment = z.string().trim().max(1000, "Keep the customer comment under 1000 characters.");
const reasonCode = z.string().trim().max(40);

// The console's decision on a case. The reason code is checked against the application's list by
// reviewSession; without one, the internal comment says why.
export const caseDecisionSchema = z
  .object({
    decision: z.enum(["Approved", "Declined", "Resubmitted", "In Review"]),
    reasonCode: reasonCode.nullish(),
    comment: internalComment.default(""),
    customerComment: customerComment.nullish(),
  })
  .refine((v) => v.comment.length > 0 || (v.reasonCode && v.decision !== "In Review"), { message: "Write an internal comment: why this decision?", path: ["comment"] });

export const secondReviewSchema = z.object({ confirm: z.boolean(), comment: internalComment.default("") }).refine((v) => v.confirm || v.comment.length > 0, { message: "Say why you reject the first decision.", path: ["comment"] });

export const escalateCaseSchema = z.object({
  priority: z.union([z.literal(1), z.literal(2)]),
  assigneeId: z.string().uuid().nullish(),
  comment: internalComment.min(1, "Say why the case is escalated."),
});

export const assignCaseSchema = z.object({ userId: z.string().uuid().nullish() }).strict();

// API (update-status, reviews): the hosted service's fields plus the structured ones.
export const apiDecisionFields = {
  reason_code: reasonCode.nullish(),
  customer_comment: customerComment.nullish(),
  // with new_status "In Review": the queue priority of the re-opened or escalated case (1 high, 2 urgent)
  priority: z.union([z.literal(1), z.literal(2)]).nullish(),
};
export const apiStatuses = ["Approved", "Declined", "In Review", "Resubmitted"] as const;
