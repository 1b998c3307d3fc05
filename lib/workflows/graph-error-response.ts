import { NextResponse } from "next/server";
import { handleApiError } from "@/lib/api/error-response";
import { WorkflowGraphError } from "@/lib/workflows/workflow-graph-error";

// The standard error object plus every graph problem:
// {"error": {...}, "errors": [{"node_id", "edge_id"?, "field"?, "message"}]}. Other errors: the usual shape.
export function graphErrorResponse(error: unknown): NextResponse {
  if (!(error instanceof WorkflowGraphError)) return handleApiError(error);
  const errors = error.issues.map((i) => ({
    node_id: i.nodeId,
    ...(i.edgeId ? { edge_id: i.edgeId } : {}),
    ...(i.field ? { field: i.field } : {}),
    message: i.message,
  }));
  return NextResponse.json({ error: { code: error.code, message: error.message }, errors }, { status: error.status });
}
