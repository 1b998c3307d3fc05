import { z } from "zod";
import type { Db } from "@/lib/db";

export const apiRequestFiltersSchema = z.object({
  endpoint: z.enum(["face-match", "passive-liveness", "face-search"]).optional().catch(undefined),
  status: z.enum(["Approved", "In Review", "Declined"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});

const PAGE_SIZE = 50;

// The log of standalone API calls (face match, passive liveness, face search): results, never images.
export async function listApiRequests(db: Db, input: { applicationId: string; filters: z.infer<typeof apiRequestFiltersSchema> }) {
  const { filters } = input;
  const where = { applicationId: input.applicationId, ...(filters.endpoint ? { endpoint: filters.endpoint } : {}), ...(filters.status ? { status: filters.status } : {}) };
  const [total, rows] = await Promise.all([
    db.apiRequest.count({ where }),
    db.apiRequest.findMany({ where, orderBy: { createdAt: "desc" }, take: PAGE_SIZE, skip: (filters.page - 1) * PAGE_SIZE }),
  ]);
  return {
    total,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    rows: rows.map((r) => ({ id: r.id, endpoint: r.endpoint, status: r.status, score: r.score, vendorData: r.vendorData, durationMs: r.durationMs, createdAt: r.createdAt, risks: ((r.warnings as { risk: string }[] | null) ?? []).map((w) => w.risk) })),
  };
}
