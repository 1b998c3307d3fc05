import type { z } from "zod";
import type { Db } from "@/lib/db";
import { sessionUrlOf } from "@/lib/sessions/build-session-decision";
import type { listSessionsSchema } from "@/lib/sessions/schemas";

export async function listSessions(db: Db, input: { applicationId: string; query: z.infer<typeof listSessionsSchema> }) {
  const { query } = input;
  const where = {
    applicationId: input.applicationId,
    ...(query.vendor_data ? { vendorData: query.vendor_data } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.workflow_id ? { workflowId: query.workflow_id } : {}),
  };
  const [count, rows] = await Promise.all([
    db.verificationSession.count({ where }),
    db.verificationSession.findMany({ where, orderBy: { createdAt: "desc" }, take: query.limit, skip: query.offset }),
  ]);
  return {
    count,
    limit: query.limit,
    offset: query.offset,
    results: rows.map((s) => ({
      session_id: s.id,
      session_number: s.sessionNumber,
      session_url: sessionUrlOf(s),
      status: s.status,
      workflow_id: s.workflowId,
      workflow_type: s.workflowType,
      vendor_data: s.vendorData,
      metadata: s.metadata ?? null,
      created_at: s.createdAt.toISOString(),
      decided_at: s.decidedAt?.toISOString() ?? null,
    })),
  };
}
