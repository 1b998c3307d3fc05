import { z } from "zod";
import { livenessMethods, workflowGraphSchema, workflowTypes } from "@/lib/workflows/schemas";

// Bodies of the console's internal workflow endpoints (app/api/console/workflows/**).
export const workflowStarterIds = ["blank", "liveness-review-branch", "selfie-reauth", "face-match", "liveness-only"] as const;

const label = z.string().trim().min(1).max(120);

export const createDraftWorkflowSchema = z.object({
  workflow_label: label,
  workflow_type: z.enum(workflowTypes).default("default"),
  starter: z.enum(workflowStarterIds).default("blank"),
});

export const saveWorkflowDraftSchema = z.object({ graph: workflowGraphSchema, workflow_label: label.optional() });

// The builder's publish dialog: a note is required (it is the version history's "what and why");
// rollout_percent publishes to that share of new sessions only; risky shapes need acknowledge_warnings.
export const publishWorkflowSchema = z.object({
  graph: workflowGraphSchema.optional(),
  note: z.string().trim().min(1, "Write a note: what changed and why").max(500),
  rollout_percent: z.number().int().min(1).max(99).optional(),
  acknowledge_warnings: z.boolean().default(false),
});

export const endRolloutSchema = z.object({ action: z.enum(["promote", "rollback"]) });

const simScore = z.number().min(0).max(100).nullable().optional();
export const simulationInputSchema = z.object({
  label: z.string().max(80).optional(),
  face_match_score: simScore,
  liveness_score: simScore,
  liveness_method: z.enum(livenessMethods).optional(),
  known_device: z.boolean().optional(),
  known_ip: z.boolean().optional(),
  anonymous_network: z.boolean().optional(),
  ip_country: z.string().regex(/^[A-Za-z]{2}$/, "Use an ISO 3166-1 alpha-2 country code").transform((c) => c.toUpperCase()).optional(),
  list_hit: z.enum(["none", "blocklist", "duplicate"]).optional(),
  // the A/B split bucket is drawn from it, so a split's branch can be tried on purpose
  session_id: z.string().min(1).max(100).optional(),
});

// Either sample inputs (form fields) or a replay of the latest finished sessions of the live version.
export const simulateWorkflowSchema = z
  .object({
    graph: workflowGraphSchema.optional(),
    inputs: z.array(simulationInputSchema).min(1).max(20).optional(),
    replay: z.object({ limit: z.number().int().min(1).max(500).default(50) }).optional(),
  })
  .refine((b) => (b.inputs === undefined) !== (b.replay === undefined), { message: "Send inputs or replay (exactly one)", path: ["inputs"] });

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
