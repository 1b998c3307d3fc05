import type { Db } from "@/lib/db";
import type { AuditFilters } from "@/lib/console/schemas";

export const AUDIT_PAGE_SIZE = 50;

// The session a filter names, by id or by its number ("42" or "#42"), within this application.
async function findFilteredSession(db: Db, applicationId: string, ref: string) {
  const number = /^#?(\d+)$/.exec(ref)?.[1];
  return db.verificationSession.findFirst({ where: { applicationId, ...(number ? { sessionNumber: Number(number) } : { id: ref }) }, select: { id: true, sessionNumber: true } });
}

// The append-only audit trail of this application plus instance-wide entries (console users, setup),
// newest first. There is deliberately no update or delete counterpart. Filtered by session, it is
// that session's entries only (an unknown session matches nothing).
export async function listAuditLogs(db: Db, input: { applicationId: string; filters: AuditFilters }) {
  const f = input.filters;
  const session = f.session ? await findFilteredSession(db, input.applicationId, f.session) : null;
  const scope = f.session ? { applicationId: input.applicationId, targetType: "session", targetId: session?.id ?? "" } : { OR: [{ applicationId: input.applicationId }, { applicationId: null }] };
  const where = {
    ...scope,
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
    session,
    rows: rows.map((r) => ({ id: r.id, createdAt: r.createdAt, actorType: r.actorType, actor: r.actorLabel ?? r.actorId ?? r.actorType, action: r.action, targetType: r.targetType, targetId: r.targetId, details: r.details as Record<string, unknown> | null })),
  };
}
