import { z } from "zod";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { filtersToQuery, queueFiltersSchema, readQuery } from "@/lib/review/queue-filters";

// Saved views of the review queue: a name and the filters' query string, private to their owner or
// shared with the team. The query must be valid queue filters and is stored in a canonical order.
export const savedViewSchema = z.object({
  name: z.string().trim().min(1, "Give the view a name.").max(60),
  query: z
    .string()
    .max(500)
    .transform((q, ctx) => {
      const parsed = queueFiltersSchema.safeParse(readQuery(new URLSearchParams(q.replace(/^\?/, ""))));
      if (parsed.success) return filtersToQuery(parsed.data);
      ctx.addIssue({ code: "custom", message: parsed.error.issues[0]?.message ?? "Not a queue filter." });
      return z.NEVER;
    }),
  shared: z.boolean().default(false),
});

const select = { id: true, name: true, query: true, shared: true, createdAt: true, user: { select: { id: true, email: true } } } as const;

// Mine and those shared by others, by name.
export async function listSavedViews(db: Db, input: { applicationId: string; userId: string }) {
  const views = await db.savedView.findMany({ where: { applicationId: input.applicationId, OR: [{ userId: input.userId }, { shared: true }] }, orderBy: { name: "asc" }, select });
  return views.map(({ user, ...v }) => ({ ...v, owner: user, mine: user.id === input.userId }));
}

export async function createSavedView(db: Db, input: z.infer<typeof savedViewSchema> & { applicationId: string; userId: string }) {
  const taken = await db.savedView.findFirst({ where: { applicationId: input.applicationId, userId: input.userId, name: input.name }, select: { id: true } });
  if (taken) throw new AppError("conflict", `You already have a view named "${input.name}".`, { field: "name" });
  const { user, ...view } = await db.savedView.create({ data: { applicationId: input.applicationId, userId: input.userId, name: input.name, query: input.query, shared: input.shared }, select });
  return { ...view, owner: user, mine: true };
}

// The owner deletes their view; an admin may delete any (e.g. a shared view nobody needs any more).
export async function deleteSavedView(db: Db, input: { applicationId: string; viewId: string; userId: string; isAdmin: boolean; actor: AuditActor }) {
  const view = await db.savedView.findFirst({ where: { id: input.viewId, applicationId: input.applicationId }, select: { userId: true, name: true, shared: true } });
  if (!view) throw new AppError("not_found", "No saved view with this id.");
  if (view.userId !== input.userId && !input.isAdmin) throw new AppError("forbidden", "Only its owner or an admin can delete this view.");
  await db.savedView.delete({ where: { id: input.viewId } });
  if (view.userId !== input.userId) {
    await recordAudit(db, { actor: input.actor, applicationId: input.applicationId, action: "review_view.deleted", targetType: "saved_view", targetId: input.viewId, details: { name: view.name } });
  }
}
