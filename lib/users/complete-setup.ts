import { hashToken } from "@/lib/crypto/tokens";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createConsoleUser } from "@/lib/users/create-console-user";

// The one-time setup link printed on first start creates the first admin, then stops working.
export async function completeSetup(db: Db, input: { token: string; email: string; password: string; name?: string }) {
  const claimed = await db.setupToken.updateMany({
    where: { tokenHash: hashToken(input.token), usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (claimed.count !== 1) throw new AppError("gone", "This setup link is invalid, expired or already used.");
  if ((await db.user.count()) > 0) throw new AppError("conflict", "An admin already exists; sign in instead.");
  return createConsoleUser(db, { email: input.email, name: input.name, password: input.password, role: "admin", actor: { type: "system", label: "setup link" } });
}
