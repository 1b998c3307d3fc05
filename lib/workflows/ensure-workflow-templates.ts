import type { Db } from "@/lib/db";
import { insertWorkflow } from "@/lib/workflows/insert-workflow";
import { resolveWorkflowDefinition } from "@/lib/workflows/resolve-workflow-definition";
import type { WorkflowFeature, WorkflowType } from "@/lib/workflows/types";

type Template = { label: string; workflowType: WorkflowType; isDefault: boolean; features: WorkflowFeature[] };

export const workflowTemplates: readonly Template[] = [
  {
    label: "Selfie re-auth",
    workflowType: "biometric_authentication",
    isDefault: true,
    features: [
      { feature: "LIVENESS", config: { face_liveness_method: "PASSIVE" } },
      { feature: "FACE_MATCH", config: { reference: "enrolled_face" } },
    ],
  },
  { label: "Face match 1:1", workflowType: "default", isDefault: false, features: [{ feature: "FACE_MATCH", config: { reference: "provided_image" } }] },
  // the default: it needs nothing from the integrator beyond vendor_data
  { label: "Liveness only", workflowType: "default", isDefault: true, features: [{ feature: "LIVENESS", config: { face_liveness_method: "PASSIVE" } }] },
];

// Starter workflows for an application that has never had any (deleted ones count, so templates a
// customer removed do not come back on restart). Returns how many were created. Safe to call on every
// start: the check and the inserts run in one serializable transaction, so two instances starting at
// once create them once; the loser's conflict is swallowed.
export async function ensureWorkflowTemplates(db: Db, applicationId: string): Promise<number> {
  try {
    return await db.$transaction(
      async (tx) => {
        if ((await tx.workflow.count({ where: { applicationId } })) > 0) return 0;
        for (const t of workflowTemplates) {
          const definition = resolveWorkflowDefinition({ features: t.features });
          await insertWorkflow(tx, { applicationId, label: t.label, workflowType: t.workflowType, isDefault: t.isDefault, definition, note: "Built-in template" });
        }
        return workflowTemplates.length;
      },
      { isolationLevel: "Serializable" },
    );
  } catch (error) {
    if ((error as { code?: string }).code === "P2034") return 0;
    throw error;
  }
}
