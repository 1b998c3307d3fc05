import type { AuditActor } from "@/lib/audit/record-audit";
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deleteMedia } from "@/lib/media/blob-store";
import { reviewEntryFields } from "@/lib/review/enter-review";
import { announceFaceTemplatesChanged } from "@/lib/search/follow-face-template-changes";
import { applyDecisionEffects } from "@/lib/sessions/apply-decision-effects";
import { buildSessionDecision } from "@/lib/sessions/build-session-decision";
import { detachUnreviewedReference } from "@/lib/sessions/keep-reference-image";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue-event";

const WITH_DECISION = new Set(["Approved", "Declined", "In Review", "Abandoned", "Resubmitted"]);
const FINAL = new Set(["Approved", "Declined", "Expired", "Abandoned", "Kyc Expired"]);

// How a person or API key appears as the actor of a status event ("user:<id>", "api_key:<id>").
export function eventActor(actor: AuditActor): string {
  return `${actor.type}:${actor.id ?? "unknown"}`;
}

// The one way a session's status changes: a conditional update (the session must still be in one of
// `from`, and match `where` when given, e.g. the assignee, so two deciders cannot both win), its timeline
// event, what the decision does (applyDecisionEffects: enrolment, auto-blocklist) and the status.updated
// webhook in the outbox, all in one transaction. `apply` writes whatever else belongs to the change.
export async function changeSessionStatus(
  db: Db,
  input: { applicationId: string; sessionId: string; from: string[]; to: string; actor: string; reason?: string; priority?: number; where?: Record<string, unknown>; data?: Record<string, unknown>; apply?: (tx: Tx) => Promise<void> },
): Promise<void> {
  const released = await db.$transaction(async (tx) => {
    const current = await tx.verificationSession.findFirst({ where: { id: input.sessionId, applicationId: input.applicationId }, select: { status: true } });
    if (!current) throw new AppError("not_found", "No session with this id.");
    const now = new Date();
    const updated = await tx.verificationSession.updateMany({
      where: { ...input.where, id: input.sessionId, status: { in: input.from } },
      data: { status: input.to, ...(FINAL.has(input.to) || input.to === "In Review" ? { decidedAt: now } : {}), ...input.data },
    });
    if (updated.count !== 1) throw new AppError("conflict", `The session is ${current.status}; it cannot become ${input.to}.`);
    if (input.to === "In Review") {
      await tx.verificationSession.update({ where: { id: input.sessionId }, data: await reviewEntryFields(tx, { sessionId: input.sessionId, now, priority: input.priority }) });
    } else if (current.status === "In Review") {
      await tx.verificationSession.update({ where: { id: input.sessionId }, data: { reviewDueAt: null, pendingReviewId: null } });
    }
    await tx.sessionEvent.create({ data: { sessionId: input.sessionId, fromStatus: current.status, toStatus: input.to, actor: input.actor, reason: input.reason ?? null } });
    await input.apply?.(tx);
    await applyDecisionEffects(tx, { applicationId: input.applicationId, sessionId: input.sessionId, from: current.status, to: input.to });
    // with keepReferenceImages "in_review", a reference no reviewer needed goes before the decision is built
    const released = FINAL.has(input.to) ? await detachUnreviewedReference(tx, { sessionId: input.sessionId }) : [];
    const decision = await buildSessionDecision(tx, { applicationId: input.applicationId, sessionId: input.sessionId, forWebhook: true });
    await enqueueWebhookEvent(tx, {
      applicationId: input.applicationId,
      sessionId: input.sessionId,
      type: "status.updated",
      payload: {
        session_id: input.sessionId,
        status: input.to,
        webhook_type: "status.updated",
        created_at: Math.floor(now.getTime() / 1000),
        vendor_data: decision.vendor_data,
        metadata: decision.metadata,
        workflow_id: decision.workflow_id,
        ...(WITH_DECISION.has(input.to) ? { decision } : {}),
      },
    });
    return released;
  });
  // the decision may have enrolled, blocklisted or withdrawn a face
  announceFaceTemplatesChanged(input.applicationId);
  await deleteMedia(db, released);
}
