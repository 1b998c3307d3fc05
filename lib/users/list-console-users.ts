import type { Db } from "@/lib/db";

export async function listConsoleUsers(db: Db) {
  const users = await db.user.findMany({ orderBy: { createdAt: "asc" } });
  return users.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, disabled: Boolean(u.disabledAt), lastLoginAt: u.lastLoginAt, createdAt: u.createdAt }));
}
