import { hasRole } from "@/lib/auth/roles";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

// A console user who can work cases: active, reviewer or admin. Cases are only handed to such users.
export async function findReviewerOrThrow(db: Db, userId: string, field = "userId") {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, disabledAt: true } });
  if (!user || user.disabledAt || !hasRole(user.role, "reviewer")) throw new AppError("validation_error", "Cases can only be assigned to an active reviewer or admin.", { field });
  return user;
}

// Every console user who can work cases, by email: who a case can be handed to.
export function listReviewers(db: Db) {
  return db.user.findMany({ where: { disabledAt: null, role: { in: ["reviewer", "admin"] } }, orderBy: { email: "asc" }, select: { id: true, email: true } });
}
