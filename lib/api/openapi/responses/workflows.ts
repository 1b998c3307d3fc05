import { z } from "zod";
import { workflowTypes } from "@/lib/workflows/schemas";
import { isoDateTime, uuid } from "./common";

// lib/workflows/to-workflow-response.ts. Feature configs and graph nodes are described by the request
// schemas (createWorkflowSchema); here they are kept open so a new node option needs one change only.
const feature = z.object({ feature: z.string(), config: z.record(z.string(), z.unknown()).optional(), label: z.string().optional() });
const graph = z.object({
  nodes: z.array(z.object({ id: z.string(), type: z.string(), position: z.object({ x: z.number(), y: z.number() }), config: z.record(z.string(), z.unknown()), label: z.string().optional() })),
  edges: z.array(z.object({ id: z.string(), source: z.string(), target: z.string(), sourceHandle: z.string().nullable().optional() })),
});

export const workflowSchema = z
  .object({
    workflow_id: uuid,
    workflow_label: z.string(),
    workflow_type: z.enum(workflowTypes),
    is_default: z.boolean(),
    features: z.array(feature).meta({ description: "Linear view of the graph (empty when the graph branches)." }),
    graph,
    version: z.number().int().nullable(),
    created_at: isoDateTime,
    updated_at: isoDateTime,
  })
  .meta({ id: "Workflow" });

export const workflowListSchema = z.object({ count: z.number().int(), results: z.array(workflowSchema) }).meta({ id: "WorkflowList" });
