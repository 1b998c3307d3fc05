import { getServerSession } from "next-auth";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { getDb } from "@/lib/db";

export type ConsoleUser = { id: string; email: string; name: string | null; role: string };

// The JWT says who signed in; the database says whether that is still true (disabling a user or
// changing their role or password bumps sessionVersion and ends older sessions at once).
export async function getConsoleUser(): Promise<ConsoleUser | null> {
  const session = await getServerSession(getAuthOptions());
  if (!session?.user?.id) return null;
  const user = await getDb().user.findUnique({ where: { id: session.user.id } });
  if (!user || user.disabledAt || session.user.sessionVersion !== user.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
