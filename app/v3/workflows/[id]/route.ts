import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import type { AuditActor } from "@/lib/audit/record-audit";
import { withApiKey, type ApiContext } from "@/lib/auth/with-api-key";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deleteWorkflow } from "@/lib/workflows/delete-workflow";
import { getWorkflowOrThrow } from "@/lib/workflows/get-workflow";
import { graphErrorResponse } from "@/lib/workflows/graph-error-response";
import { updateWorkflowSchema, workflowVersionQuerySchema } from "@/lib/workflows/schemas";
import { updateWorkflow } from "@/lib/workflows/update-workflow";

type Route = { params: Promise<Record<string, string | string[]>> };
const idOf = async (route: Route) => ((await route.params) as { id: string }).id;
const actorOf = (ctx: ApiContext): AuditActor => ({ type: "api_key", id: ctx.apiKeyId });

// GET /v3/workflows/{id}/ – the published version, or ?version=N for an earlier one
export const GET = withApiKey(async (req, ctx, route) => {
  const raw = req.nextUrl.searchParams.get("version");
  const parsed = raw === null ? null : workflowVersionQuerySchema.safeParse(raw);
  if (parsed && !parsed.success) throw new AppError("validation_error", "version must be a positive whole number.", { field: "version" });
  const workflow = await getWorkflowOrThrow(getDb(), { applicationId: ctx.application.id, id: await idOf(route), version: parsed?.data });
  return NextResponse.json(workflow);
});

// PATCH /v3/workflows/{id}/ – rename, change default/type; new features or graph publish version + 1
export const PATCH = withApiKey(async (req, ctx, route) => {
  const id = await idOf(route);
  const changes = await parseJsonBody(req, updateWorkflowSchema);
  try {
    return NextResponse.json(await updateWorkflow(getDb(), { applicationId: ctx.application.id, id, changes, actor: actorOf(ctx) }));
  } catch (error) {
    return graphErrorResponse(error);
  }
});

// DELETE /v3/workflows/{id}/ – soft delete (204); 409 for the default workflow
export const DELETE = withApiKey(async (_req, ctx, route) => {
  await deleteWorkflow(getDb(), { applicationId: ctx.application.id, id: await idOf(route), actor: actorOf(ctx) });
  return new NextResponse(null, { status: 204 });
});

// POST, PUT /v3/workflows/{id}/ – 405 JSON
const notAllowed = withApiKey(async (req) => {
  throw new AppError("method_not_allowed", `${req.method} is not supported on a workflow; use GET, PATCH or DELETE.`, { headers: { Allow: "GET, PATCH, DELETE" } });
});
export { notAllowed as POST, notAllowed as PUT };
