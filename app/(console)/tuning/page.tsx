import type { Metadata } from "next";
import Link from "next/link";
import { ThresholdTuner } from "@/components/charts/threshold-tuner";
import { Card, PageHeader } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
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
        <Card title="Workflow overrides" description="Face-match and liveness steps of published workflows. A step with its own thresholds ignores the application defaults above.">
          <SimpleTable
            rows={nodes.map((n) => ({ ...n, id: `${n.workflowId}:${n.nodeId}` }))}
            empty="No published workflow has a face-match or liveness step."
            columns={[
              { header: "Workflow", cell: (r) => <Link href={`/workflows/${r.workflowId}`} className="font-medium text-brand-700 hover:underline">{r.workflow} <span className="font-normal text-slate-500">v{r.version}</span></Link> },
              { header: "Step", cell: (r) => (r.label ? `${r.label} (${r.feature})` : r.feature) },
              { header: "Review below", cell: (r) => r.review ?? <span className="text-slate-500">default</span> },
              { header: "Decline below", cell: (r) => r.decline ?? <span className="text-slate-500">default</span> },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
