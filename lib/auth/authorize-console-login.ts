import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { createConsoleSession, KEEP_ENDED_SESSIONS_MS } from "@/lib/auth/create-console-session";
import { verifyDummyPassword, verifyPassword } from "@/lib/auth/password";
import { getDb } from "@/lib/db";
import { getClientIp } from "@/lib/ip/client-ip";
import { logger } from "@/lib/logger";
import { createSharedBackoffLimiter } from "@/lib/redis/create-shared-backoff-limiter";
import { emailSchema } from "@/lib/validation/email";

const credentialsSchema = z.object({ email: emailSchema, password: z.string().min(1).max(1024) });

// Sign-in throttling, three counters with exponential backoff (create-backoff-limiter.ts); none locks
// an account for good:
// - account + address: 5 free failures, then 1 s, 2 s, 4 s ... up to 15 min. Slows a guesser at
//   one address to a few hundred tries a day.
// - address: 50 free failures (offices share an address), then the same backoff. Slows one address
//   trying passwords across many accounts.
// - account, from any address: 20 free failures, then the same backoff. Slows a guesser spread over
//   many addresses. It does not apply from an address the account has signed in from before
//   (90 days), so an attacker's failures elsewhere never lock the real user out at their usual
//   address; from a new address they may have to wait up to 15 minutes while an attack goes on.
// Unknown emails are counted exactly like real ones, so the throttle does not reveal which exist.
// Counters live in Redis with REDIS_URL (one budget across instances), else in process memory
// (bounded): behind N instances each then keeps its own.
const limiterDefaults = { baseDelayMs: 1000, maxDelayMs: 15 * 60 * 1000, forgetAfterMs: 12 * 3600 * 1000, maxEntries: 50_000 };
const perAccountAndIp = createSharedBackoffLimiter("sign-in-account-ip", { ...limiterDefaults, freeFailures: 5 });
const perIp = createSharedBackoffLimiter("sign-in-ip", { ...limiterDefaults, freeFailures: 50 });
const perAccount = createSharedBackoffLimiter("sign-in-account", { ...limiterDefaults, freeFailures: 20 });

// Thrown to next-auth, which hands the message to the login form as the error (login-form.tsx).
const THROTTLED_ERROR = "throttled";

export type ConsoleLogin = { id: string; email: string; name: string | null; role: string; sessionVersion: number; sid: string };

type LoginRequest = { headers?: Record<string, unknown> };

function headersOf(req: LoginRequest | undefined): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req?.headers ?? {})) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(", "));
  }
  return headers;
}

async function isKnownAddress(email: string, ip: string): Promise<boolean> {
  const since = new Date(Date.now() - KEEP_ENDED_SESSIONS_MS);
  return (await getDb().consoleSession.count({ where: { ip, createdAt: { gte: since }, user: { email } } })) > 0;
}

// next-auth's credentials check: returns the user (with a new server-side session) or null, and
// throws THROTTLED_ERROR while a backoff is running (without checking the password). Every check
// costs one scrypt, whether the account exists or not.
export async function authorizeConsoleLogin(raw: unknown, req?: LoginRequest): Promise<ConsoleLogin | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const email = parsed.data.email.toLowerCase();
  const headers = headersOf(req);
  const ip = getClientIp(headers) ?? "unknown";
  const keys = { accountIp: `${email}\n${ip}`, ip, account: email };

  const [accountIpWait, ipWait, accountWait] = await Promise.all([perAccountAndIp.retryAfterMs(keys.accountIp), perIp.retryAfterMs(keys.ip), perAccount.retryAfterMs(keys.account)]);
  let wait = Math.max(accountIpWait, ipWait);
  if (accountWait > wait && !(await isKnownAddress(email, ip))) wait = accountWait;
  if (wait > 0) {
    logger.debug("console sign-in throttled", { ip, retryAfterSeconds: Math.ceil(wait / 1000) });
    throw new Error(`${THROTTLED_ERROR}:${Math.ceil(wait / 1000)}`);
  }

  const db = getDb();
  const user = await db.user.findUnique({ where: { email } });
  const passwordOk = user ? await verifyPassword(parsed.data.password, user.passwordHash) : await verifyDummyPassword(parsed.data.password);
  if (!user || user.disabledAt || !passwordOk) {
    const blockedMs = Math.max(...(await Promise.all([perAccountAndIp.recordFailure(keys.accountIp), perIp.recordFailure(keys.ip), perAccount.recordFailure(keys.account)])));
    const reason = !user ? "unknown_account" : user.disabledAt ? "disabled_account" : "wrong_password";
    await recordAudit(db, {
      actor: { type: "user", id: user?.id ?? null, label: email },
      action: "console.login_failed",
      details: { reason, ip, ...(blockedMs > 0 ? { backoffSeconds: Math.ceil(blockedMs / 1000) } : {}) },
    });
    return null;
  }

  await perAccountAndIp.forget(keys.accountIp);
  const session = await createConsoleSession(db, { userId: user.id, ip: ip === "unknown" ? null : ip, userAgent: headers.get("user-agent") });
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await recordAudit(db, { actor: { type: "user", id: user.id, label: user.email }, action: "console.login", details: { ip } });
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion, sid: session.id };
}
