import { z } from "zod";

// The workflow graph is what the visual builder edits (@xyflow/react's node/edge shape, with `config`
// instead of `data`); the features list is the API's linear view of it. Config keys are snake_case
// and identical in both, so a feature's config is its node's config.
export const livenessMethods = ["PASSIVE", "FLASHING", "ACTIVE_3D"] as const;
export const checkNodeTypes = ["LIVENESS", "FACE_MATCH", "IP_ANALYSIS", "DEVICE_CHECK", "FACE_LIST_CHECK"] as const;
export const endNodeTypes = ["END_APPROVED", "END_IN_REVIEW", "END_DECLINED"] as const;
export const nodeTypes = ["start", ...checkNodeTypes, "CONDITION", "AB_SPLIT", ...endNodeTypes] as const;
export const workflowTypes = ["default", "biometric_authentication"] as const;
// API.md lets these be accepted; a face-only deployment refuses them rather than silently skipping a check.
export const unsupportedFeatures = ["ID_VERIFICATION", "AML", "AGE_ESTIMATION"] as const;
export const faceMatchReferences = ["provided_image", "enrolled_face", "document_portrait"] as const;

const score = z.number().min(0).max(100);
const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, "Use ISO 3166-1 alpha-2 country codes")
  .transform((c) => c.toUpperCase());

// Missing thresholds mean "use the application's thresholds" at run time.
const thresholds = { review_threshold: score.optional(), decline_threshold: score.optional() };
const reviewNotBelowDecline: [(c: { review_threshold?: number; decline_threshold?: number }) => boolean, { message: string; path: string[] }] = [
  (c) => c.review_threshold === undefined || c.decline_threshold === undefined || c.review_threshold >= c.decline_threshold,
  { message: "review_threshold must be greater than or equal to decline_threshold", path: ["review_threshold"] },
];

export const livenessConfigSchema = z
  .object({
    face_liveness_method: z.enum(livenessMethods).default("PASSIVE"),
    max_attempts: z.number().int().min(1).max(5).default(3),
    ...thresholds,
  })
  .refine(...reviewNotBelowDecline);

export const faceMatchConfigSchema = z
  .object({ ...thresholds, reference: z.enum(faceMatchReferences).default("provided_image") })
  .refine(...reviewNotBelowDecline);

export const ipAnalysisConfigSchema = z.object({
  block_anonymizers: z.boolean().default(false),
  blocked_countries: z.array(countryCode).max(250).default([]),
});

export const deviceCheckConfigSchema = z.object({ review_new_device: z.boolean().default(false) });

export const faceListCheckConfigSchema = z
  .object({ check_blocklist: z.boolean().default(true), check_duplicates: z.boolean().default(false) })
  .refine((c) => c.check_blocklist || c.check_duplicates, { message: "Enable check_blocklist, check_duplicates or both", path: ["check_blocklist"] });

export const conditionConfigSchema = z.discriminatedUnion("signal", [
  z
    .object({ signal: z.literal("score_range"), feature: z.enum(checkNodeTypes), min: score.optional(), max: score.optional() })
    .refine((c) => c.min !== undefined || c.max !== undefined, { message: "Set min, max or both", path: ["min"] })
    .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, { message: "min must not exceed max", path: ["min"] }),
  z.object({ signal: z.literal("ip_country"), countries: z.array(countryCode).min(1).max(250) }),
  z.object({ signal: z.literal("known_device") }),
  z.object({ signal: z.literal("known_ip") }),
  z.object({ signal: z.literal("anonymous_network") }),
  z.object({ signal: z.literal("warnings_present"), risks: z.array(z.string().min(1).max(80)).max(50).optional() }),
]);

const branchId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "Branch ids use letters, digits, _ and - (at most 40)");
export const abSplitConfigSchema = z
  .object({
    branches: z
      .array(z.object({ id: branchId, label: z.string().max(120).optional(), percentage: z.number().int().min(0).max(100) }))
      .min(2)
      .max(10),
  })
  .refine((c) => new Set(c.branches.map((b) => b.id)).size === c.branches.length, { message: "Branch ids must be unique", path: ["branches"] })
  .refine((c) => c.branches.reduce((s, b) => s + b.percentage, 0) === 100, { message: "Branch percentages must add up to 100", path: ["branches"] });

const emptyConfig = z.object({});

export const nodeConfigSchemas = {
  start: emptyConfig,
  LIVENESS: livenessConfigSchema,
  FACE_MATCH: faceMatchConfigSchema,
  IP_ANALYSIS: ipAnalysisConfigSchema,
  DEVICE_CHECK: deviceCheckConfigSchema,
  FACE_LIST_CHECK: faceListCheckConfigSchema,
  CONDITION: conditionConfigSchema,
  AB_SPLIT: abSplitConfigSchema,
  END_APPROVED: emptyConfig,
  END_IN_REVIEW: emptyConfig,
  END_DECLINED: emptyConfig,
} as const satisfies Record<(typeof nodeTypes)[number], z.ZodType>;

// The graph's shape only: node types and configs are checked by validateWorkflowGraph, which reports
// problems per node (422) so the builder can mark the offending node instead of failing the request.
const graphId = z.string().min(1).max(100);
export const graphNodeSchema = z.object({
  id: graphId,
  type: z.string().min(1).max(40),
  position: z.object({ x: z.number(), y: z.number() }).default({ x: 0, y: 0 }),
  config: z.record(z.string(), z.unknown()).default({}),
  label: z.string().max(120).optional(),
});
export const graphEdgeSchema = z.object({ id: graphId, source: graphId, target: graphId, sourceHandle: graphId.nullish() });
export const workflowGraphSchema = z.object({
  nodes: z.array(graphNodeSchema).max(200),
  edges: z.array(graphEdgeSchema).max(400),
});

const supportedFeatureNames: readonly string[] = checkNodeTypes;
export const featureSchema = z
  .object({ feature: z.string(), config: z.record(z.string(), z.unknown()).optional(), label: z.string().max(120).optional() })
  .superRefine((f, ctx) => {
    if ((unsupportedFeatures as readonly string[]).includes(f.feature)) {
      ctx.addIssue({ code: "custom", path: ["feature"], message: `${f.feature} is not supported by this deployment (face verification only); supported features: ${checkNodeTypes.join(", ")}` });
      return;
    }
    if (!supportedFeatureNames.includes(f.feature)) {
      ctx.addIssue({ code: "custom", path: ["feature"], message: `Unknown feature "${f.feature}"; supported features: ${checkNodeTypes.join(", ")}` });
      return;
    }
    const parsed = nodeConfigSchemas[f.feature as (typeof checkNodeTypes)[number]].safeParse(f.config ?? {});
    for (const issue of parsed.error?.issues ?? []) ctx.addIssue({ code: "custom", path: ["config", ...issue.path.map(String)], message: issue.message });
  })
  .transform((f) => ({ ...f, feature: f.feature as (typeof checkNodeTypes)[number] }));

const label = z.string().trim().min(1).max(120);
const featuresSchema = z.array(featureSchema).min(1).max(20);

export const createWorkflowSchema = z
  .object({
    workflow_label: label,
    workflow_type: z.enum(workflowTypes).default("default"),
    is_default: z.boolean().default(false),
    features: featuresSchema.optional(),
    graph: workflowGraphSchema.optional(),
    note: z.string().trim().min(1).max(500).optional(),
  })
  .refine((b) => (b.features === undefined) !== (b.graph === undefined), { message: "Send either features or graph (exactly one)", path: ["features"] });

export const updateWorkflowSchema = z
  .object({
    workflow_label: label.optional(),
    workflow_type: z.enum(workflowTypes).optional(),
    is_default: z.boolean().optional(),
    features: featuresSchema.optional(),
    graph: workflowGraphSchema.optional(),
    // the version history's "what changed and why" for a new version (default "Published via API")
    note: z.string().trim().min(1).max(500).optional(),
  })
  .refine((b) => b.features === undefined || b.graph === undefined, { message: "Send features or graph, not both", path: ["features"] });

export const workflowVersionQuerySchema = z.coerce.number().int().min(1).max(1_000_000);
