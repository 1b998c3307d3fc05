import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { WorkflowBuilder } from "@/components/workflow-builder/workflow-builder";
import { WorkflowTabs } from "@/components/workflows/workflow-tabs";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { hasRole } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { getWorkflowEditorStateOrThrow } from "@/lib/workflows/get-workflow-editor-state";

export const metadata: Metadata = { title: "Workflow builder" };

// Viewers see the builder read-only; only admins edit and publish (the endpoints check again).
export default async function WorkflowBuilderPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("viewer");
  const { id } = await params;
  const app = await getConsoleApplication();
  const state = await getWorkflowEditorStateOrThrow(getDb(), { applicationId: app.id, id }).catch((error) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  return (
    // cancels the console's page padding so the canvas fills the main area
    <div className="-mx-4 -my-6 flex h-[calc(100dvh-3.5rem)] flex-col md:-mx-8 md:-my-8 md:h-dvh">
      <WorkflowTabs workflowId={id} current="builder" />
      <div className="min-h-0 flex-1">
        <WorkflowBuilder initial={state} readOnly={!hasRole(user.role, "admin")} />
      </div>
    </div>
  );
}
