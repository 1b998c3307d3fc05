import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAudit } from "@/lib/audit/record-audit";
import { authorizeConsoleLogin, type ConsoleLogin } from "@/lib/auth/authorize-console-login";
import { revokeConsoleSession } from "@/lib/auth/revoke-console-session";
import { deriveKey } from "@/lib/crypto/instance-secrets";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name?: string | null; role: string; sessionVersion: number; sid: string };
  }
}

// Built lazily: the secret and session lifetime come from the environment parsed at runtime. The
// JWT's own expiry slides with use; the session's real end is the fixed expiresAt of its row
// (get-console-user.ts), so a polling page cannot keep a sign-in alive past CONSOLE_SESSION_HOURS.
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
        authorize: (credentials, req) => authorizeConsoleLogin(credentials, req),
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const u = user as unknown as ConsoleLogin;
          token.uid = u.id;
          token.role = u.role;
          token.sv = u.sessionVersion;
          token.sid = u.sid;
        }
        return token;
      },
      async session({ session, token }) {
        session.user = { id: String(token.uid), email: String(token.email), name: token.name, role: String(token.role), sessionVersion: Number(token.sv), sid: String(token.sid ?? "") };
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid !== "string") return;
        const db = getDb();
        if (await revokeConsoleSession(db, token.sid)) {
          await recordAudit(db, { actor: { type: "user", id: typeof token.uid === "string" ? token.uid : null, label: token.email ?? null }, action: "console.logout" });
        }
      },
    },
  };
}
