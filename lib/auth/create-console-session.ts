import type { Db } from "@/lib/db";
import { getEnv } from "@/lib/env";

// Rows past their end are kept this long (the sign-in addresses feed the login throttle's "known
// address" check), then deleted when someone signs in.
/** Ended sign-ins are kept this long: sign-in backoff reads them to know an account's usual addresses. */
export const KEEP_ENDED_SESSIONS_MS = 90 * 24 * 3600 * 1000;

// A console sign-in: its id goes into the JWT; its end is fixed now (CONSOLE_SESSION_HOURS), so
// nothing the browser does afterwards can extend it.
export async function createConsoleSession(db: Db, input: { userId: string; ip: string | null; userAgent: string | null }) {
  const now = Date.now();
  await db.consoleSession.deleteMany({ where: { expiresAt: { lt: new Date(now - KEEP_ENDED_SESSIONS_MS) } } });
  return db.consoleSession.create({
    data: {
      userId: input.userId,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(now + getEnv().CONSOLE_SESSION_HOURS * 3600 * 1000),
    },
  });
}
