import type { Db, Tx } from "@/lib/db";

// A new application comes with its auto-provisioned face blocklist (which cannot be deleted).
export async function createApplication(db: Db | Tx, input: { name: string; isSandbox?: boolean }) {
  return db.application.create({
    data: {
      name: input.name,
      isSandbox: input.isSandbox ?? false,
      faceLists: { create: [{ name: "Face blocklist", kind: "blocklist", isSystem: true }] },
    },
  });
}
