import type { Db } from "@/lib/db";

// Sign-out: the row is marked, and every console request checks the row, so the JWT stops working
// everywhere at once, including a copy an attacker took from the browser.
export async function revokeConsoleSession(db: Db, id: string): Promise<boolean> {
  const result = await db.consoleSession.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  return result.count === 1;
}
