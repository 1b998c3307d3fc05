import { NextResponse } from "next/server";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { WORKFLOW_EXPORT_FORMAT, type WorkflowExport } from "@/lib/workflows/console-schemas";
import { getWorkflowEditorStateOrThrow } from "@/lib/workflows/get-workflow-editor-state";
import { workflowVersionQuerySchema } from "@/lib/workflows/schemas";

// GET /api/console/workflows/{id}/export – the draft, or ?version=N, as a JSON file download
export const GET = withConsoleSession("viewer", async (req, _user, route) => {
  const { id } = (await route.params) as { id: string };
  const raw = req.nextUrl.searchParams.get("version");
  const version = raw === null ? null : workflowVersionQuerySchema.safeParse(raw);
  if (version && !version.success) throw new AppError("validation_error", "version must be a positive whole number.", { field: "version" });
  const app = await getConsoleApplication();
  const state = await getWorkflowEditorStateOrThrow(getDb(), { applicationId: app.id, id });
  const picked = version ? state.versions.find((v) => v.version === version.data) : null;
  if (version && !picked) throw new AppError("not_found", `This workflow has no version ${version.data}.`, { field: "version" });
  const file: WorkflowExport = {
    format: WORKFLOW_EXPORT_FORMAT,
    workflow_label: state.workflow_label,
    workflow_type: state.workflow_type as WorkflowExport["workflow_type"],
    version: picked?.version ?? null,
    exported_at: new Date().toISOString(),
    graph: picked?.graph ?? state.draft,
  };
  const name = `${state.workflow_label.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "workflow"}-${picked ? `v${picked.version}` : "draft"}.json`;
  return NextResponse.json(file, { headers: { "content-disposition": `attachment; filename="${name}"` } });
});
