import type { Metadata } from "next";
import { ThresholdTuner } from "@/components/charts/threshold-tuner";
import { WorkflowOverridesEditor } from "@/components/charts/workflow-overrides-editor";
import { Card, PageHeader } from "@/components/ui/card";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { hasRole } from "@/lib/auth/roles";
import { getScoreDistribution } from "@/lib/console/get-score-distribution";
import { listWorkflowThresholds } from "@/lib/console/list-workflow-thresholds";
import { publishedModel } from "@/lib/console/published-error-rates";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Threshold tuning" };

export default async function TuningPage() {
  const user = await requirePageUser("viewer");
  const app = await getConsoleApplication();
  const db = getDb();
  const [dist, nodes] = await Promise.all([getScoreDistribution(db, { applicationId: app.id }), listWorkflowThresholds(db, { applicationId: app.id })]);
  const saved = { faceMatchReviewThreshold: app.faceMatchReviewThreshold, faceMatchDeclineThreshold: app.faceMatchDeclineThreshold, livenessReviewThreshold: app.livenessReviewThreshold, livenessDeclineThreshold: app.livenessDeclineThreshold };
  return (
    <>
      <PageHeader
        title="Threshold tuning"
        description={`Scores of the last ${dist.windowDays} days, split by what reviewers decided. Drag the lines to see what those sessions would have become; error rates are the ones published for ${publishedModel.id} (${publishedModel.card}).`}
      />
      <ThresholdTuner saved={saved} faceMatch={dist.faceMatch} liveness={dist.liveness} canSave={hasRole(user.role, "admin")} />
      <div className="mt-6">
        <Card title="Workflow overrides" description="Face-match and liveness steps of published workflows. A step with its own thresholds ignores the application defaults above, in the what-if too. Saving a change creates a new draft of the workflow; publish it from the builder.">
          <WorkflowOverridesEditor rows={nodes} canEdit={hasRole(user.role, "admin")} />
        </Card>
      </div>
    </>
  );
}
