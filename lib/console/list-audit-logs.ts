import type { Db } from "@/lib/db";
import type { AuditFilters } from "@/lib/console/schemas";

export const AUDIT_PAGE_SIZE = 50;

// The append-only audit trail of this application plus instance-wide entries (console users, setup),
// newest first. There is deliberately no update or delete counterpart.
export async function listAuditLogs(db: Db, input: { applicationId: string; filters: AuditFilters }) {
  const f = input.filters;
  const where = {
    OR: [{ applicationId: input.applicationId }, { applicationId: null }],
    ...(f.actor ? { actorLabel: { contains: f.actor } } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.from || f.to
      ? { createdAt: { ...(f.from ? { gte: new Date(`${f.from}T00:00:00.000Z`) } : {}), ...(f.to ? { lt: new Date(new Date(`${f.to}T00:00:00.000Z`).getTime() + 86_400_000) } : {}) } }
      : {}),
  };
  const [total, rows, actions] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({ where, orderBy: { createdAt: "desc" }, take: AUDIT_PAGE_SIZE, skip: (f.page - 1) * AUDIT_PAGE_SIZE }),
    db.auditLog.groupBy({ by: ["action"], where: { OR: [{ applicationId: input.applicationId }, { applicationId: null }] }, orderBy: { action: "asc" } }),
  ]);
  return {
    total,
    page: f.page,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    actions: actions.map((a) => a.action),
    rows: rows.map((r) => ({ id: r.id, createdAt: r.createdAt, actorType: r.actorType, actor: r.actorLabel ?? r.actorId ?? r.actorType, action: r.action, targetType: r.targetType, targetId: r.targetId, details: r.details as Record<string, unknown> | null })),
  };
}
