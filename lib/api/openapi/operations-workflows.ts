import { z } from "zod";
import { createWorkflowSchema, updateWorkflowSchema } from "@/lib/workflows/schemas";
import { workflowListSchema, workflowSchema } from "./responses/workflows";
import { jsonBody, keyed, type Operation } from "./operation";

const workflowId = { id: "The workflow_id." };
const tag = "Workflows";

// app/v3/workflows*: the checks a session runs, as a linear features list or as a graph.
export const workflowOperations: Operation[] = [
  {
    method: "get",
    path: "/v3/workflows/",
    operationId: "listWorkflows",
    tag,
    summary: "List workflows",
    description: "Oldest first, each with its published version.",
    responses: { 200: { description: "The workflows.", schema: workflowListSchema } },
    errors: keyed,
  },
  {
    method: "post",
    path: "/v3/workflows/",
    operationId: "createWorkflow",
    tag,
    summary: "Create a workflow",
    description:
      "From `features` (checks in execution order, e.g. LIVENESS then FACE_MATCH) or from a `graph` (branches, conditions, A/B splits), exactly one of them; published at once as version 1. An invalid graph answers 422 with one entry per problem in `errors`.",
    body: { kind: "json", schema: createWorkflowSchema, required: true },
    responses: { 201: { description: "Created.", schema: workflowSchema } },
    errors: [...keyed, ...jsonBody, 422],
  },
  {
    method: "get",
    path: "/v3/workflows/{id}/",
    operationId: "getWorkflow",
    tag,
    summary: "Get a workflow",
    pathParams: workflowId,
    query: z.object({ version: z.number().int().min(1).optional().meta({ description: "An earlier published version (default: the current one)." }) }),
    responses: { 200: { description: "The workflow.", schema: workflowSchema } },
    errors: [...keyed, 400, 404],
  },
  {
    method: "patch",
    path: "/v3/workflows/{id}/",
    operationId: "updateWorkflow",
    tag,
    summary: "Change a workflow",
    description: "Rename or change default/type; new features or graph publish version + 1 (running sessions keep the version they started with).",
    pathParams: workflowId,
    body: { kind: "json", schema: updateWorkflowSchema, required: true },
    responses: { 200: { description: "The workflow.", schema: workflowSchema } },
    errors: [...keyed, ...jsonBody, 404, 409, 422],
  },
  {
    method: "delete",
    path: "/v3/workflows/{id}/",
    operationId: "deleteWorkflow",
    tag,
    summary: "Delete a workflow",
    description: "Soft delete; 409 for the default workflow.",
    pathParams: workflowId,
    responses: { 204: { description: "Deleted." } },
    errors: [...keyed, 404, 409],
  },
];
