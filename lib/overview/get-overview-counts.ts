import type { Db } from "@/lib/db";

export type OverviewCounts = {
  sessionsByStatus: Record<string, number>;
  sessionsTotal: number;
  sessionsLast24h: number;
  reviewBacklog: number;
  apiRequestsLast24h: number;
  activeApiKeys: number;
  workflows: number;
  webhookDestinations: number;
  enrolledFaces: number;
  consoleUsers: number;
};

export async function getOverviewCounts(db: Db, applicationId: string): Promise<OverviewCounts> {
  const since = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const app = { applicationId };
  const [byStatus, sessionsLast24h, apiRequestsLast24h, activeApiKeys, workflows, webhookDestinations, enrolledFaces, consoleUsers] = await Promise.all([
    db.verificationSession.groupBy({ by: ["status"], where: app, _count: { _all: true } }),
    db.verificationSession.count({ where: { ...app, createdAt: { gte: since } } }),
    db.apiRequest.count({ where: { ...app, createdAt: { gte: since } } }),
    db.apiKey.count({ where: { ...app, revokedAt: null } }),
    db.workflow.count({ where: { ...app, deletedAt: null } }),
    db.webhookDestination.count({ where: app }),
    db.faceTemplate.count({ where: { ...app, source: { not: "candidate" } } }),
    db.user.count({ where: { disabledAt: null } }),
  ]);
  const sessionsByStatus = Object.fromEntries(byStatus.map((row) => [row.status, row._count._all]));
  const sessionsTotal = byStatus.reduce((sum, row) => sum + row._count._all, 0);
  return {
    sessionsByStatus,
    sessionsTotal,
    sessionsLast24h,
    reviewBacklog: sessionsByStatus["In Review"] ?? 0,
    apiRequestsLast24h,
    activeApiKeys,
    workflows,
    webhookDestinations,
    enrolledFaces,
    consoleUsers,
  };
}
