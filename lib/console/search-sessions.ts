import type { Db } from "@/lib/db";
import type { SessionFilters } from "@/lib/console/schemas";

export const SESSIONS_PAGE_SIZE = 25;

type Range = { gte?: number; lte?: number };
const range = (min?: number, max?: number): Range | null => (min === undefined && max === undefined ? null : { ...(min !== undefined ? { gte: min } : {}), ...(max !== undefined ? { lte: max } : {}) });
const endOfDay = (day: string) => new Date(new Date(`${day}T00:00:00.000Z`).getTime() + 86_400_000);

// The sessions table: filters map onto indexed columns (application + status / vendor_data); score
// ranges select sessions with at least one check of that feature in the range.
export async function searchSessions(db: Db, input: { applicationId: string; filters: SessionFilters }) {
  const f = input.filters;
  const fm = range(f.fm_min, f.fm_max);
  const lv = range(f.lv_min, f.lv_max);
  const checks = [...(fm ? [{ checks: { some: { feature: "FACE_MATCH", score: fm } } }] : []), ...(lv ? [{ checks: { some: { feature: "LIVENESS", score: lv } } }] : [])];
  const where = {
    applicationId: input.applicationId,
    ...(f.status ? { status: f.status } : {}),
    ...(f.workflow ? { workflowId: f.workflow } : {}),
    ...(f.version ? { workflowVersion: { version: f.version } } : {}),
    // pairs are stored between commas, so one LIKE finds the branch wherever it is in the list
    ...(f.branch ? { splitBranches: { contains: `,${f.branch},` } } : {}),
    ...(f.vendor_data ? { vendorData: { startsWith: f.vendor_data } } : {}),
    ...(f.from || f.to ? { createdAt: { ...(f.from ? { gte: new Date(`${f.from}T00:00:00.000Z`) } : {}), ...(f.to ? { lt: endOfDay(f.to) } : {}) } } : {}),
    ...(checks.length ? { AND: checks } : {}),
  };
  const [total, rows] = await Promise.all([
    db.verificationSession.count({ where }),
    db.verificationSession.findMany({
      where,
      orderBy: { createdAt: "desc" },
      take: SESSIONS_PAGE_SIZE,
      skip: (f.page - 1) * SESSIONS_PAGE_SIZE,
      select: {
        id: true,
        sessionNumber: true,
        vendorData: true,
        status: true,
        createdAt: true,
        decidedAt: true,
        workflow: { select: { label: true } },
        assignedTo: { select: { email: true } },
        checks: { where: { feature: { in: ["FACE_MATCH", "LIVENESS"] } }, orderBy: { createdAt: "desc" }, select: { feature: true, score: true } },
      },
    }),
  ]);
  return {
    total,
    page: f.page,
    pages: Math.max(1, Math.ceil(total / SESSIONS_PAGE_SIZE)),
    rows: rows.map((r) => ({
      id: r.id,
      sessionNumber: r.sessionNumber,
      vendorData: r.vendorData,
      status: r.status,
      createdAt: r.createdAt,
      decidedAt: r.decidedAt,
      workflow: r.workflow.label,
      assignee: r.assignedTo?.email ?? null,
      faceMatch: r.checks.find((c) => c.feature === "FACE_MATCH")?.score ?? null,
      liveness: r.checks.find((c) => c.feature === "LIVENESS")?.score ?? null,
    })),
  };
}
