import type { Db } from "@/lib/db";
import { ENROLLED_SOURCES } from "@/lib/templates/create-face-template";

export const END_USERS_PAGE_SIZE = 25;

// End users by vendor_data, most recently seen first, with how many sessions and enrolled faces each has.
export async function listEndUsers(db: Db, input: { applicationId: string; search?: string; page: number }) {
  const where = { applicationId: input.applicationId, vendorData: input.search ? { startsWith: input.search } : { not: null } };
  const [all, rows] = await Promise.all([
    db.verificationSession.groupBy({ by: ["vendorData"], where, _count: { _all: true } }),
    db.verificationSession.groupBy({ by: ["vendorData"], where, _count: { _all: true }, _max: { createdAt: true }, orderBy: { _max: { createdAt: "desc" } }, take: END_USERS_PAGE_SIZE, skip: (input.page - 1) * END_USERS_PAGE_SIZE }),
  ]);
  const ids = rows.map((r) => r.vendorData!).filter(Boolean);
  const [templates, approved] = await Promise.all([
    db.faceTemplate.groupBy({ by: ["vendorData"], where: { applicationId: input.applicationId, vendorData: { in: ids }, source: { in: ENROLLED_SOURCES } }, _count: { _all: true } }),
    db.verificationSession.groupBy({ by: ["vendorData"], where: { applicationId: input.applicationId, vendorData: { in: ids }, status: "Approved" }, _count: { _all: true } }),
  ]);
  const count = (list: { vendorData: string | null; _count: { _all: number } }[], v: string) => list.find((t) => t.vendorData === v)?._count._all ?? 0;
  return {
    total: all.length,
    page: input.page,
    pages: Math.max(1, Math.ceil(all.length / END_USERS_PAGE_SIZE)),
    rows: rows.map((r) => ({ id: r.vendorData!, vendorData: r.vendorData!, sessions: r._count._all, approved: count(approved, r.vendorData!), enrolled: count(templates, r.vendorData!), lastSeen: r._max.createdAt })),
  };
}
