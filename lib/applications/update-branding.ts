import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import type { Branding } from "@/lib/console/schemas";

// The hosted capture page's look: {name, color, logoUrl} in application.branding (null fields fall back
// to the application name and the default colour). The logo is a data URL of at most 100 KB.
export async function updateBranding(db: Db, input: { applicationId: string; branding: Branding; actor: AuditActor }) {
  const value = Object.fromEntries(Object.entries(input.branding).filter(([, v]) => v !== null));
  return db.$transaction(async (tx) => {
    const app = await tx.application.update({ where: { id: input.applicationId }, data: { branding: value } });
    await recordAudit(tx, { actor: input.actor, applicationId: input.applicationId, action: "application.branding_updated", targetType: "application", targetId: input.applicationId, details: { name: input.branding.name, color: input.branding.color, logo: input.branding.logoUrl ? `${Math.round((input.branding.logoUrl.length * 3) / 4 / 1024)} KB` : null } });
    return app.branding as Partial<Branding>;
  });
}
