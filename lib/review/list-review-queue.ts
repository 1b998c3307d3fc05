import type { Db } from "@/lib/db";
import { getSessionImages } from "@/lib/console/get-session-images";
import { resolveCheckThresholds } from "@/lib/console/resolve-check-thresholds";
import type { Warning } from "@/lib/verification/warnings";

const QUEUE_LIMIT = 100;

// Sessions waiting for a person, oldest first (the time they entered review, which is decidedAt for
// In Review), with what a reviewer needs to decide: both faces, the scores against their thresholds,
// every warning, and who has taken the case.
export async function listReviewQueue(db: Db, input: { applicationId: string }) {
  const [total, rows] = await Promise.all([
    db.verificationSession.count({ where: { applicationId: input.applicationId, status: "In Review" } }),
    db.verificationSession.findMany({
      where: { applicationId: input.applicationId, status: "In Review" },
      orderBy: [{ decidedAt: "asc" }, { createdAt: "asc" }],
      take: QUEUE_LIMIT,
      include: {
        application: { select: { faceMatchReviewThreshold: true, faceMatchDeclineThreshold: true, livenessReviewThreshold: true, livenessDeclineThreshold: true } },
        workflow: { select: { label: true } },
        workflowVersion: { select: { graph: true } },
        assignedTo: { select: { id: true, email: true } },
        checks: { orderBy: { createdAt: "asc" } },
      },
    }),
  ]);
  const cases = await Promise.all(
    rows.map(async (s) => {
      const latest = (feature: string) => s.checks.filter((c) => c.feature === feature).at(-1);
      const scored = (feature: string) => {
        const c = latest(feature);
        if (!c) return null;
        return { status: c.status, score: c.score, method: c.method, thresholds: resolveCheckThresholds({ graph: s.workflowVersion?.graph, app: s.application, feature, data: c.data }).thresholds };
      };
      const lastOfEach = [...new Set(s.checks.map((c) => c.feature))].map((f) => latest(f)!);
      return {
        id: s.id,
        sessionNumber: s.sessionNumber,
        vendorData: s.vendorData,
        workflow: s.workflow.label,
        workflowType: s.workflowType,
        createdAt: s.createdAt.toISOString(),
        inReviewSince: (s.decidedAt ?? s.createdAt).toISOString(),
        assignee: s.assignedTo,
        assignedAt: s.assignedAt?.toISOString() ?? null,
        faceMatch: scored("FACE_MATCH"),
        liveness: scored("LIVENESS"),
        checks: lastOfEach.map((c) => ({ feature: c.feature, status: c.status })),
        warnings: lastOfEach.flatMap((c) => ((c.warnings ?? []) as Warning[]).map((w) => ({ ...w, feature: c.feature }))),
        images: await getSessionImages(db, s),
      };
    }),
  );
  return { total, cases };
}
export type ReviewCase = Awaited<ReturnType<typeof listReviewQueue>>["cases"][number];
