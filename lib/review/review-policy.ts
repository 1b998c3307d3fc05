import { z } from "zod";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { Prisma, type Db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

// How people review a workflow's cases: an SLA (hours a case may wait In Review), the priority its cases
// enter the queue with, and four-eyes (which decisions need a second reviewer). Stored on the workflow,
// not in its versioned graph: it governs the team, not the flow, and applies to cases already waiting.
export const caseRiskLevels = ["off", "high", "medium", "any"] as const;
export type FourEyesRisk = (typeof caseRiskLevels)[number];

export const fourEyesSchema = z.object({
  // every decline needs a second reviewer
  declines: z.boolean(),
  // approvals of cases at or above this risk need a second reviewer ("off": none, "any": every approval)
  approvalsAtRisk: z.enum(caseRiskLevels),
});
export type FourEyesPolicy = z.infer<typeof fourEyesSchema>;

export const reviewPolicySchema = z
  .object({
    reviewSlaHours: z.number().int().min(1).max(24 * 90).nullable(),
    reviewPriority: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    fourEyes: fourEyesSchema.nullable(),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "Send at least one of reviewSlaHours, reviewPriority, fourEyes." });
export type ReviewPolicyChanges = z.infer<typeof reviewPolicySchema>;

export type ReviewPolicy = { reviewSlaHours: number | null; reviewPriority: number; fourEyes: FourEyesPolicy | null };

export function readFourEyes(value: unknown): FourEyesPolicy | null {
  const parsed = fourEyesSchema.safeParse(value);
  if (!parsed.success) return null;
  return parsed.data.declines || parsed.data.approvalsAtRisk !== "off" ? parsed.data : null;
}

const select = { reviewSlaHours: true, reviewPriority: true, fourEyes: true } as const;

export async function getReviewPolicy(db: Db | Tx, input: { applicationId: string; workflowId: string }): Promise<ReviewPolicy> {
  const workflow = await db.workflow.findFirst({ where: { id: input.workflowId, applicationId: input.applicationId, deletedAt: null }, select });
  if (!workflow) throw new AppError("not_found", "No workflow with this id.");
  return { reviewSlaHours: workflow.reviewSlaHours, reviewPriority: workflow.reviewPriority, fourEyes: readFourEyes(workflow.fourEyes) };
}

export async function updateReviewPolicy(db: Db, input: { applicationId: string; workflowId: string; changes: ReviewPolicyChanges; actor: AuditActor }): Promise<ReviewPolicy> {
  return db.$transaction(async (tx) => {
    const before = await getReviewPolicy(tx, input);
    const { fourEyes, ...rest } = input.changes;
    const policy = fourEyes === undefined ? undefined : readFourEyes(fourEyes);
    const updated = await tx.workflow.update({
      where: { id: input.workflowId },
      data: { ...rest, ...(policy === undefined ? {} : { fourEyes: policy ?? Prisma.DbNull }) },
      select,
    });
    const after: ReviewPolicy = { reviewSlaHours: updated.reviewSlaHours, reviewPriority: updated.reviewPriority, fourEyes: readFourEyes(updated.fourEyes) };
    await recordAudit(tx, { actor: input.actor, applicationId: input.applicationId, action: "workflow.review_policy_updated", targetType: "workflow", targetId: input.workflowId, details: { before, after } });
    return after;
  });
}
