import { readStepUp } from "@/lib/capture/session-context";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Thresholds } from "@/lib/verification/decide-score-status";
import type { DefaultThresholds } from "@/lib/workflows/answer-from-inputs";
import { answerFromRecordedChecks, type RecordedCheck } from "@/lib/workflows/answer-from-recorded-checks";
import { compileWorkflowPlan } from "@/lib/workflows/compile-workflow-plan";
import { simulateWorkflowRun } from "@/lib/workflows/simulate-workflow-run";
import { toSimulatedRunResponse, type SimulatedRunResponse } from "@/lib/workflows/to-simulated-run-response";
import type { CheckResultInput, WorkflowGraph, WorkflowPlan, WorkflowSignals } from "@/lib/workflows/types";

const outcomes = ["Approved", "In Review", "Declined"];
type Replayed = { session_id: string; session_number: number; recorded: { status: string; path_taken: string[] }; live: SimulatedRunResponse; draft: SimulatedRunResponse };

// Replays the latest finished sessions of the live version through the live plan and through the given
// graph (or the stored draft), from what each session recorded: its check results and signals. The
// live replay must reproduce the recorded outcome (counted as `reproduced`); sessions whose outcome
// the draft would change are listed. Read-only.
export async function replayWorkflowSessions(db: Db, input: { applicationId: string; id: string; graph?: WorkflowGraph; limit: number; defaults: DefaultThresholds }) {
  const workflow = await db.workflow.findFirst({ where: { id: input.id, applicationId: input.applicationId, deletedAt: null }, select: { draftGraph: true, publishedVersionId: true } });
  if (!workflow) throw new AppError("not_found", "No workflow with this id.");
  const draftPlan = compileWorkflowPlan(input.graph ?? (workflow.draftGraph as WorkflowGraph));
  const live = workflow.publishedVersionId ? await db.workflowVersion.findUnique({ where: { id: workflow.publishedVersionId }, select: { version: true, graph: true } }) : null;
  if (!live) return { live_version: null, replayed: 0, reproduced: 0, unknown: 0, changed: [] as Replayed[] };
  const livePlan = compileWorkflowPlan(live.graph as WorkflowGraph);

  // finished = the workflow reached an outcome (the end user's last step set a final status)
  const sessions = await db.verificationSession.findMany({
    where: { applicationId: input.applicationId, workflowId: input.id, workflowVersionId: workflow.publishedVersionId, events: { some: { actor: "end_user", toStatus: { in: outcomes } } } },
    orderBy: { createdAt: "desc" },
    take: input.limit,
    select: {
      id: true, sessionNumber: true, pathTaken: true, stepUp: true,
      checks: { orderBy: { createdAt: "asc" }, select: { feature: true, status: true, score: true, warnings: true, data: true, createdAt: true } },
      events: { where: { toStatus: { in: [...outcomes, "Resubmitted"] } }, orderBy: { createdAt: "asc" }, select: { actor: true, toStatus: true, createdAt: true } },
    },
  });

  const replayed = sessions.map((s): Replayed => {
    // after a resubmission the workflow started over: only the last round's checks decided it
    const since = s.events.filter((e) => e.toStatus === "Resubmitted").at(-1)?.createdAt;
    const checks: RecordedCheck[] = s.checks
      .filter((c) => !since || c.createdAt > since)
      .map((c) => {
        const data = (c.data ?? {}) as { nodeId?: string; thresholds?: Thresholds };
        return { nodeId: String(data.nodeId), feature: c.feature as CheckResultInput["feature"], status: c.status as CheckResultInput["status"], score: c.score, warnings: c.warnings as CheckResultInput["warnings"], thresholds: data.thresholds ?? null };
      });
    const signals: WorkflowSignals = readStepUp(s.stepUp)?.signals ?? {};
    const run = (plan: WorkflowPlan) => toSimulatedRunResponse(simulateWorkflowRun({ plan, sessionId: s.id, signals, answer: answerFromRecordedChecks({ checks, signals, defaults: input.defaults }) }));
    const recordedStatus = s.events.filter((e) => e.actor === "end_user" && outcomes.includes(e.toStatus)).at(-1)!.toStatus;
    return { session_id: s.id, session_number: s.sessionNumber, recorded: { status: recordedStatus, path_taken: (s.pathTaken ?? []) as string[] }, live: run(livePlan), draft: run(draftPlan) };
  });
  const same = (a: SimulatedRunResponse, b: { status: string | null; path_taken: string[] }) => a.status === b.status && JSON.stringify(a.path_taken) === JSON.stringify(b.path_taken);
  return {
    live_version: live.version,
    replayed: replayed.length,
    reproduced: replayed.filter((r) => same(r.live, r.recorded)).length,
    unknown: replayed.filter((r) => r.draft.status === null).length,
    changed: replayed.filter((r) => r.draft.status !== r.live.status),
  };
}
