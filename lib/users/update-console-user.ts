import type { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { updateUserSchema } from "@/lib/users/schemas";

// Any change to role, password or enabled state ends the user's open console sessions.
export async function updateConsoleUser(db: Db, input: { id: string; changes: z.infer<typeof updateUserSchema>; actor: AuditActor & { id: string } }) {
  const { id, changes, actor } = input;
  const user = await db.user.findUnique({ where: { id } });
  if (!user) throw new AppError("not_found", "No console user with this id.");
  if (id === actor.id && (changes.disabled || (changes.role && changes.role !== "admin"))) {
    throw new AppError("conflict", "You cannot demote or disable yourself; ask another admin.");
  }
  const passwordHash = changes.password ? await hashPassword(changes.password) : undefined;
  return db.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id },
      data: {
        role: changes.role,
        passwordHash,
        disabledAt: changes.disabled === undefined ? undefined : changes.disabled ? new Date() : null,
        sessionVersion: { increment: 1 },
      },
    });
    await recordAudit(tx, { actor, action: "user.updated", targetType: "user", targetId: id, details: { role: changes.role, disabled: changes.disabled, passwordChanged: Boolean(passwordHash) } });
    return { id: updated.id, email: updated.email, role: updated.role, disabled: Boolean(updated.disabledAt) };
  });
}
