import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import type { AuditActor } from "@/lib/audit/record-audit";
import { withApiKey, type ApiContext } from "@/lib/auth/with-api-key";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createWorkflow } from "@/lib/workflows/create-workflow";
import { graphErrorResponse } from "@/lib/workflows/graph-error-response";
import { listWorkflows } from "@/lib/workflows/list-workflows";
import { createWorkflowSchema } from "@/lib/workflows/schemas";

const actorOf = (ctx: ApiContext): AuditActor => ({ type: "api_key", id: ctx.apiKeyId });

// GET /v3/workflows/ – the application's workflows, oldest first
export const GET = withApiKey(async (_req, ctx) => {
  const results = await listWorkflows(getDb(), ctx.application.id);
  return NextResponse.json({ count: results.length, results });
});

// POST /v3/workflows/ – create from `features` or `graph`; published at once as version 1
export const POST = withApiKey(async (req, ctx) => {
  const body = await parseJsonBody(req, createWorkflowSchema);
  try {
    const workflow = await createWorkflow(getDb(), { applicationId: ctx.application.id, body, actor: actorOf(ctx) });
    return NextResponse.json(workflow, { status: 201 });
  } catch (error) {
    return graphErrorResponse(error);
  }
});

// PUT, PATCH, DELETE /v3/workflows/ – 405 JSON (the catch-all would otherwise answer 404)
const notAllowed = withApiKey(async (req) => {
  throw new AppError("method_not_allowed", `${req.method} is not supported on /v3/workflows/; use GET or POST.`, { headers: { Allow: "GET, POST" } });
});
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
