import { embedOriginSchema } from "@/lib/applications/schemas";
import { hashToken } from "@/lib/crypto/tokens";
import { getDb } from "@/lib/db";

// Who may frame the hosted page of this capture token: the application's allowed embedding origins
// (null: any site). An unknown token gets [] (framed nowhere): the page only says the link is invalid.
export async function findEmbedOrigins(token: string): Promise<string[] | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return [];
  const session = await getDb().verificationSession.findUnique({
    where: { captureTokenHash: hashToken(token) },
    select: { application: { select: { embedOrigins: true } } },
  });
  if (!session) return [];
  const origins = session.application.embedOrigins;
  if (!Array.isArray(origins)) return null;
  // re-checked on the way out: these go into a response header
  return origins.flatMap((o) => {
    const parsed = embedOriginSchema.safeParse(o);
    return parsed.success ? [parsed.data] : [];
  });
}
