import type { Db } from "@/lib/db";

const MENTION = /(?:^|[\s(])@([^\s@()]+@[^\s@()]+\.[A-Za-z]{2,})/g;

// The console users a note mentions as "@email" (active ones only; unknown addresses stay plain text).
export async function findMentions(db: Db, text: string): Promise<{ id: string; email: string }[]> {
  const emails = [...new Set([...text.matchAll(MENTION)].map((m) => m[1].toLowerCase()))];
  if (emails.length === 0) return [];
  return db.user.findMany({ where: { email: { in: emails }, disabledAt: null }, select: { id: true, email: true } });
}
