import { z } from "zod";
import { workflowGraphSchema, workflowTypes } from "@/lib/workflows/schemas";

// Bodies of the console's internal workflow endpoints (app/api/console/workflows/**).
export const workflowStarterIds = ["blank", "liveness-review-branch", "selfie-reauth", "face-match", "liveness-only"] as const;

const label = z.string().trim().min(1).max(120);

export const createDraftWorkflowSchema = z.object({
  workflow_label: label,
  workflow_type: z.enum(workflowTypes).default("default"),
  starter: z.enum(workflowStarterIds).default("blank"),
});

export const saveWorkflowDraftSchema = z.object({ graph: workflowGraphSchema, workflow_label: label.optional() });

export const publishWorkflowSchema = z.object({ graph: workflowGraphSchema.optional() });

// The file the builder exports and imports; a bare graph ({nodes, edges}) is accepted on import too.
export const WORKFLOW_EXPORT_FORMAT = "faceid.workflow.v1";
export const workflowExportSchema = z.object({
  format: z.literal(WORKFLOW_EXPORT_FORMAT),
  workflow_label: label,
  workflow_type: z.enum(workflowTypes),
  version: z.number().int().nullable(),
  exported_at: z.string(),
  graph: workflowGraphSchema,
});
export const workflowImportSchema = z.union([workflowExportSchema.pick({ graph: true, workflow_label: true }).partial({ workflow_label: true }), workflowGraphSchema.transform((graph) => ({ graph, workflow_label: undefined }))]);

export type WorkflowExport = z.output<typeof workflowExportSchema>;
