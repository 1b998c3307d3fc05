import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";

// Scoped to the caller's application: another application's id is indistinguishable from a missing one.
export async function findDestinationOrThrow(db: Db | Tx, input: { applicationId: string; id: string }) {
  const row = await db.webhookDestination.findFirst({ where: { id: input.id, applicationId: input.applicationId } });
  if (!row) throw new AppError("not_found", "No webhook destination with this id.");
  return row;
}
