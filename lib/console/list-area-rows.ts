import type { Db } from "@/lib/db";

// First views of the console areas; the dedicated issues replace them with filterable, paginated pages.
export async function listRecentSessions(db: Db, applicationId: string, status?: string) {
  return db.verificationSession.findMany({
    where: { applicationId, ...(status ? { status } : {}) },
    orderBy: { createdAt: status === "In Review" ? "asc" : "desc" },
    take: 50,
    select: { id: true, sessionNumber: true, vendorData: true, status: true, workflowType: true, createdAt: true, workflow: { select: { label: true } } },
  });
}

export async function listWorkflows(db: Db, applicationId: string) {
  return db.workflow.findMany({
    where: { applicationId, deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, label: true, workflowType: true, isDefault: true, updatedAt: true, _count: { select: { versions: true, sessions: true } } },
  });
}

export async function listEndUsers(db: Db, applicationId: string) {
  const rows = await db.verificationSession.groupBy({
    by: ["vendorData"],
    where: { applicationId, vendorData: { not: null } },
    _count: { _all: true },
    _max: { createdAt: true },
    orderBy: { _max: { createdAt: "desc" } },
    take: 50,
  });
  return rows.map((r) => ({ id: r.vendorData ?? "", vendorData: r.vendorData ?? "", sessions: r._count._all, lastSeen: r._max.createdAt }));
}

export async function listFaceLists(db: Db, applicationId: string) {
  return db.faceList.findMany({ where: { applicationId }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, kind: true, isSystem: true, _count: { select: { entries: true } } } });
}

export async function listWebhookDestinations(db: Db, applicationId: string) {
  return db.webhookDestination.findMany({ where: { applicationId }, orderBy: { createdAt: "asc" }, select: { id: true, label: true, url: true, enabled: true, createdAt: true } });
}
