import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { emailSchema } from "@/lib/validation/email";
import { verifyPassword } from "@/lib/auth/password";
import { takeRateLimitToken } from "@/lib/auth/rate-limit";
import { recordAudit } from "@/lib/audit/record-audit";
import { deriveKey } from "@/lib/crypto/instance-secrets";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";

const credentialsSchema = z.object({ email: emailSchema, password: z.string().min(1).max(1024) });
const LOGIN_ATTEMPTS_PER_MINUTE = 10;

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name?: string | null; role: string; sessionVersion: number };
  }
}

async function authorize(raw: unknown) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const email = parsed.data.email.toLowerCase();
  if (!takeRateLimitToken(`login:${email}`, LOGIN_ATTEMPTS_PER_MINUTE).allowed) return null;
  const db = getDb();
  const user = await db.user.findUnique({ where: { email } });
  if (!user || user.disabledAt || !(await verifyPassword(parsed.data.password, user.passwordHash))) return null;
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await recordAudit(db, { actor: { type: "user", id: user.id, label: user.email }, action: "console.login" });
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

// Built lazily: the secret and session lifetime come from the environment parsed at runtime.
export function getAuthOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: deriveKey("console-session").toString("hex"),
    session: { strategy: "jwt", maxAge: Math.round(env.CONSOLE_SESSION_HOURS * 3600), updateAge: 15 * 60 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize,
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const u = user as { id: string; role: string; sessionVersion: number };
          token.uid = u.id;
          token.role = u.role;
          token.sv = u.sessionVersion;
        }
        return token;
      },
      async session({ session, token }) {
        session.user = { id: String(token.uid), email: String(token.email), name: token.name, role: String(token.role), sessionVersion: Number(token.sv) };
        return session;
      },
    },
  };
}
