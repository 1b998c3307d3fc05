import { AppError } from "@/lib/errors";
import type { GraphIssue } from "@/lib/workflows/types";

// An invalid graph is a 422 that carries every problem, addressed by node (see graph-error-response.ts).
export class WorkflowGraphError extends AppError {
  readonly issues: GraphIssue[];

  constructor(issues: GraphIssue[]) {
    const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
    super("unprocessable", `The workflow graph is invalid (${count}): ${issues[0]?.message ?? "unknown problem"}`);
    this.issues = issues;
  }
}
