import { getServerSession } from "next-auth";
import { cache } from "react";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { getDb } from "@/lib/db";

export type ConsoleUser = { id: string; email: string; name: string | null; role: string };

// The JWT says who signed in; the database says whether that is still true: the sign-in row must
// exist, not be signed out and not be past its fixed end, and the user must not have been disabled or
// had their role or password changed since (sessionVersion). Cached per render, so the console layout
// and its page share one lookup.
export const getConsoleUser = cache(async (): Promise<ConsoleUser | null> => {
  const session = await getServerSession(getAuthOptions());
  if (!session?.user?.id || !session.user.sid) return null;
  const row = await getDb().consoleSession.findUnique({ where: { id: session.user.sid }, include: { user: true } });
  if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now() || row.userId !== session.user.id) return null;
  const { user } = row;
  if (user.disabledAt || session.user.sessionVersion !== user.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});
