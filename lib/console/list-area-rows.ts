import type { Db } from "@/lib/db";

// Small reads shared by several console pages and routes.
export async function listWorkflows(db: Db, applicationId: string) {
  return db.workflow.findMany({
    where: { applicationId, deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, label: true, workflowType: true, isDefault: true, updatedAt: true, _count: { select: { versions: true, sessions: true } } },
  });
}

export async function listFaceLists(db: Db, applicationId: string) {
  return db.faceList.findMany({ where: { applicationId }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, kind: true, isSystem: true, _count: { select: { entries: true } } } });
}

