import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatCard } from "@/components/console/stat-card";
import { Card, PageHeader } from "@/components/ui/card";
import { BranchRatesChart, OutcomesByVersionChart, StepFunnelChart } from "@/components/workflows/performance-charts";
import { PerformanceTables } from "@/components/workflows/performance-tables";
import { WorkflowTabs } from "@/components/workflows/workflow-tabs";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { getWorkflowPerformance } from "@/lib/performance/get-workflow-performance";
import { formatRate, formatDuration } from "@/components/workflows/format-performance";

export const metadata: Metadata = { title: "Workflow performance" };

// How a workflow performs: its own outcomes, per version, step and A/B branch (?version=n narrows).
export default async function WorkflowPerformancePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ version?: string }> }) {
  await requirePageUser("viewer");
  const { id } = await params;
  const wanted = Number((await searchParams).version);
  const version = Number.isInteger(wanted) && wanted > 0 ? wanted : undefined;
  const app = await getConsoleApplication();
  const perf = await getWorkflowPerformance(getDb(), { applicationId: app.id, workflowId: id, version }).catch((error) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const o = perf.overall;
  return (
    <>
      <div className="-mx-4 -mt-6 mb-6 md:-mx-8 md:-mt-8">
        <WorkflowTabs workflowId={id} current="performance" />
      </div>
      <PageHeader
        title={`${perf.workflow.label}: performance`}
        description={`The workflow's own outcomes (a case a reviewer decided counts as review), over its newest ${perf.windowSize.toLocaleString("en")} sessions at most. Rates are over decided sessions.`}
        actions={
          <nav aria-label="Version" className="flex flex-wrap gap-1 text-sm">
            {[undefined, ...perf.versionNumbers].map((v) => (
              <Link
                key={v ?? "all"}
                href={v ? `/workflows/${id}/performance?version=${v}` : `/workflows/${id}/performance`}
                aria-current={v === version ? "page" : undefined}
                className={`rounded-md px-2.5 py-1 ring-1 ${v === version ? "bg-brand-600 text-white ring-brand-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
              >
                {v ? `v${v}` : "All versions"}
              </Link>
            ))}
          </nav>
        }
      />
      <div className="mb-6 grid gap-4 sm:grid-cols-2 xl:grid-cols-5" data-testid="performance-overall">
        <StatCard label="Sessions" value={o.sessions} hint={`${o.decided} decided`} href={`/sessions?workflow=${id}${version ? `&version=${version}` : ""}`} />
        <StatCard label="Approval rate" value={formatRate(o.approvalRate)} hint={`${o.approved} approved`} />
        <StatCard label="Review rate" value={formatRate(o.reviewRate)} hint={`${o.review} to review`} />
        <StatCard label="Decline rate" value={formatRate(o.declineRate)} hint={`${o.declined} declined`} />
        <StatCard label="Median time to decision" value={formatDuration(o.medianDecisionMs)} hint="from the start of the capture" />
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <Card title="Outcomes per version" description="What each published version decided.">
          <OutcomesByVersionChart versions={perf.versions} />
        </Card>
        <Card title="Steps" description="Sessions that reached each check, those abandoned there without finishing it, and the retries.">
          <StepFunnelChart steps={perf.steps} />
        </Card>
      </div>
      {perf.splits.map((split) => (
        <div key={split.nodeId} className="mt-6">
          <Card title={split.label === "A/B split" ? "A/B split" : `A/B split: ${split.label}`} description="Each branch's outcomes; the approval rates are compared with a two-proportion z-test.">
            <BranchRatesChart branches={split.branches} />
            {split.comparisons.map((c) => (
              <p key={c.b} className="mt-3 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-200" data-testid="split-significance">
                {c.note}
              </p>
            ))}
          </Card>
        </div>
      ))}
      <PerformanceTables workflowId={id} perf={perf} />
    </>
  );
}
