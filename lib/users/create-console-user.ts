import { hashPassword } from "@/lib/auth/password";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { z } from "zod";
import type { createUserSchema } from "@/lib/users/schemas";

export async function createConsoleUser(db: Db, input: z.infer<typeof createUserSchema> & { actor: AuditActor }) {
  const existing = await db.user.findUnique({ where: { email: input.email } });
  if (existing) throw new AppError("conflict", "A console user with this email already exists.", { field: "email" });
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash } });
    await recordAudit(tx, { actor: input.actor, action: "user.created", targetType: "user", targetId: user.id, details: { email: user.email, role: user.role } });
    return { id: user.id, email: user.email, name: user.name, role: user.role, createdAt: user.createdAt };
  });
}
