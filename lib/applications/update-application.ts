import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { Prisma, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ApplicationChanges } from "@/lib/applications/schemas";

// Defaults the checks apply to new requests and sessions; every change is audited with before/after.
export async function updateApplication(db: Db, input: { id: string; changes: ApplicationChanges; actor: AuditActor }) {
  return db.$transaction(async (tx) => {
    const before = await tx.application.findUnique({ where: { id: input.id } });
    if (!before) throw new AppError("not_found", "No application with this id.");
    // a JSON column takes DbNull for SQL NULL ("any site may embed"), not a bare null
    const { embedOrigins, reasonCodes, ...rest } = input.changes;
    const data = { ...rest, ...(embedOrigins === undefined ? {} : { embedOrigins: embedOrigins ?? Prisma.DbNull }), ...(reasonCodes === undefined ? {} : { reasonCodes: reasonCodes ?? Prisma.DbNull }) };
    const after = await tx.application.update({ where: { id: input.id }, data });
    const changed = Object.fromEntries(
      Object.keys(input.changes).map((k) => [k, { from: before[k as keyof typeof before], to: after[k as keyof typeof after] }]),
    );
    await recordAudit(tx, { actor: input.actor, applicationId: input.id, action: "application.updated", targetType: "application", targetId: input.id, details: changed });
    return after;
  });
}
