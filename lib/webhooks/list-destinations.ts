import type { Db } from "@/lib/db";
import { serializeDestination } from "@/lib/webhooks/serialize-destination";

export async function listDestinations(db: Db, input: { applicationId: string }) {
  const rows = await db.webhookDestination.findMany({ where: { applicationId: input.applicationId }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => serializeDestination(row));
}
