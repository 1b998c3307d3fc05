import type { z } from "zod";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertWorkflowChangedOrThrow } from "@/lib/workflows/assert-workflow-changed";
import { resolveWorkflowDefinition } from "@/lib/workflows/resolve-workflow-definition";
import type { updateWorkflowSchema } from "@/lib/workflows/schemas";
import { toWorkflowResponse } from "@/lib/workflows/to-workflow-response";

const json = (value: unknown) => value as Prisma.InputJsonValue;

// PATCH: label, type and default flag change in place; new features or a new graph publish a new,
// immutable version (version + 1, with the caller's note or "Published via API") while sessions already
// started stay pinned to theirs. The same rules as the console's publish: no version for a graph equal
// to the live one (409), and a rollout under way ends (the new version is live for every new session).
export async function updateWorkflow(db: Db, input: { applicationId: string; id: string; changes: z.output<typeof updateWorkflowSchema>; actor: AuditActor }) {
  const { applicationId, id, changes, actor } = input;
  const definition = changes.features || changes.graph ? resolveWorkflowDefinition({ features: changes.features, graph: changes.graph }) : null;
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.workflow.findFirst({ where: { id, applicationId, deletedAt: null } });
      if (!current) throw new AppError("not_found", "No workflow with this id.");
      const workflowType = changes.workflow_type ?? current.workflowType;
      const isDefault = changes.is_default ?? current.isDefault;
      if (isDefault && (!current.isDefault || workflowType !== current.workflowType)) {
        await tx.workflow.updateMany({ where: { applicationId, workflowType, isDefault: true, id: { not: id } }, data: { isDefault: false } });
      }
      let publishedVersionId = current.publishedVersionId;
      if (definition) {
        await assertWorkflowChangedOrThrow(tx, { workflow: current, graph: definition.graph });
        const latest = await tx.workflowVersion.findFirst({ where: { workflowId: id }, orderBy: { version: "desc" } });
        const created = await tx.workflowVersion.create({
          data: { workflowId: id, version: (latest?.version ?? 0) + 1, graph: json(definition.graph), features: json(definition.features), note: changes.note ?? "Published via API" },
        });
        publishedVersionId = created.id;
      }
      const workflow = await tx.workflow.update({
        where: { id },
        data: { label: changes.workflow_label, workflowType, isDefault, publishedVersionId, ...(definition ? { draftGraph: json(definition.graph), rolloutVersionId: null, rolloutPercent: null } : {}) },
      });
      const version = publishedVersionId ? await tx.workflowVersion.findUnique({ where: { id: publishedVersionId } }) : null;
      await recordAudit(tx, {
        actor, applicationId, action: "workflow.updated", targetType: "workflow", targetId: id,
        details: { changed: Object.keys(changes), ...(definition ? { publishedVersion: version?.version } : {}) },
      });
      return toWorkflowResponse(workflow, version);
    });
  } catch (error) {
    // two publishes racing for the same version number: the unique (workflowId, version) index decides
    if ((error as { code?: string }).code === "P2002") throw new AppError("conflict", "The workflow was changed at the same time; fetch it and try again.");
    throw error;
  }
}
