import { openTestDb } from "./tenants";
import type { DbProvider, TestServer } from "./test-server";

export type DeliveryLease = { status: string; lockedBy: string | null; lockedUntil: Date | null };

// Every webhook delivery row of a test server's database, with its lease: who holds it and until when.
export async function readDeliveryLeases(provider: DbProvider, server: TestServer): Promise<DeliveryLease[]> {
  const db = openTestDb(provider, server.databaseUrl);
  try {
    return await db.webhookDelivery.findMany({ select: { status: true, lockedBy: true, lockedUntil: true } });
  } finally {
    await db.$disconnect();
  }
}
