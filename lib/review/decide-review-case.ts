import type { AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { reviewSession, type ManualStatus } from "@/lib/sessions/review-session";

// A reviewer's decision from the console. A decision on a case in review only changes a session that
// is still In Review (and free or held by this reviewer), so of two reviewers deciding at once exactly
// one wins; the other gets a 409 that says who decided, with the time as data for the client to show
// in the reviewer's own time zone. "In Review" re-opens a decided case.
export async function decideReviewCase(
  db: Db,
  input: { applicationId: string; sessionId: string; decision: ManualStatus; reasonCode?: string | null; comment: string; customerComment?: string | null; userId: string; isAdmin: boolean; actor: AuditActor },
) {
  const { decision, ...rest } = input;
  let pending = false;
  try {
    ({ pending } = await reviewSession(db, { ...rest, newStatus: decision, expectedStatus: decision === "In Review" ? undefined : "In Review" }));
  } catch (error) {
    if (!isAppError(error) || error.code !== "conflict" || decision === "In Review") throw error;
    const [session, last] = await Promise.all([
      db.verificationSession.findUnique({ where: { id: input.sessionId }, select: { status: true } }),
      db.review.findFirst({ where: { sessionId: input.sessionId, newStatus: { not: null } }, orderBy: { createdAt: "desc" }, include: { user: { select: { email: true } } } }),
    ]);
    if (session?.status === "In Review") throw error;
    const who = last ? (last.user?.email ?? "the API") : "an automatic status change";
    throw new AppError("conflict", `Already ${session?.status ?? "decided"} by ${who}.`, { details: { status: session?.status ?? null, decidedBy: who, decidedAt: last?.createdAt.toISOString() ?? null } });
  }
  const session = await db.verificationSession.findUniqueOrThrow({ where: { id: input.sessionId }, select: { id: true, status: true, decidedAt: true } });
  return { ...session, pending };
}
