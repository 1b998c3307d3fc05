import { applicationSettingsOf } from "@/lib/applications/application-settings";
import type { CaptureSessionRow } from "@/lib/capture/find-capture-session";
import type { CaptureSession, Settings } from "@/lib/capture/run-capture-checks";
import { readStepUp } from "@/lib/capture/session-context";
import { AppError } from "@/lib/errors";
import type { WorkflowGraph } from "@/lib/workflows/types";

export function toCaptureSession(session: CaptureSessionRow): CaptureSession {
  if (!session.workflowVersion) throw new AppError("conflict", "This session has no workflow version to run.");
  return {
    id: session.id,
    applicationId: session.applicationId,
    vendorData: session.vendorData,
    referenceTemplateId: session.referenceTemplateId,
    graph: session.workflowVersion.graph as WorkflowGraph,
    stepUp: readStepUp(session.stepUp),
    resubmissions: session.resubmissions,
  };
}

export function toCaptureSettings(session: CaptureSessionRow): Settings {
  return applicationSettingsOf(session.application);
}
