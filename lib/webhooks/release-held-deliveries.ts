import type { Db } from "@/lib/db";

// Shutdown: the deliveries this worker still holds (claimed, attempt not finished) are handed back at
// once rather than when their lease runs out, so another instance sends them now. The claim tokens are
// `<workerId>:<uuid>` (claim-due-deliveries.ts); an attempt that still finishes here writes nothing,
// its writes are conditional on the token.
export async function releaseHeldDeliveries(db: Db, workerId: string): Promise<number> {
  const { count } = await db.webhookDelivery.updateMany({ where: { status: "pending", lockedBy: { startsWith: `${workerId}:` } }, data: { lockedBy: null, lockedUntil: null } });
  return count;
}
