import type { Metadata } from "next";
import { ApprovalRateChart, BacklogAgeChart, DecisionTimeChart, SessionsPerDayChart } from "@/components/charts/overview-charts";
import { formatMinutes } from "@/components/console/format-minutes";
import { StatCard } from "@/components/console/stat-card";
import { Badge, statusTone } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { getDb } from "@/lib/db";
import { getOverviewCounts } from "@/lib/overview/get-overview-counts";
import { getOverviewTrends } from "@/lib/overview/get-overview-trends";
import { sessionStatuses } from "@/lib/sessions/statuses";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  await requirePageUser("viewer");
  const application = await getConsoleApplication();
  const db = getDb();
  const [counts, trends] = await Promise.all([getOverviewCounts(db, application.id), getOverviewTrends(db, { applicationId: application.id })]);
  const sessions30d = trends.days.reduce((n, d) => n + d.approved + d.declined + d.inReview + d.open + d.other, 0);
  return (
    <>
      <PageHeader title="Overview" description={`Verification activity of ${application.name} over the last 30 days.`} />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label="Sessions (30 days)" value={sessions30d} hint={`${counts.sessionsLast24h} in the last 24 h · ${counts.sessionsTotal} in total`} href="/sessions" />
        <StatCard label="Approval rate" value={trends.approvalRate === null ? "—" : `${trends.approvalRate} %`} hint="of final decisions, 30 days" />
        <StatCard label="Median time to decision" value={formatMinutes(trends.medianMinutes)} hint="creation to Approved / Declined" />
        <StatCard label="Waiting for review" value={counts.reviewBacklog} hint={trends.oldestBacklogHours === null ? "queue is empty" : `oldest ${formatMinutes(trends.oldestBacklogHours * 60)}`} href="/review" />
      </div>
      <div className="mt-6">
        <Card title="Sessions per day" description="By the status they have now.">
          <SessionsPerDayChart days={trends.days} />
        </Card>
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card title="Approval rate" description="Approved share of decisions, by day.">
          <ApprovalRateChart days={trends.days} />
        </Card>
        <Card title="Median time to decision" description="From creation to final decision.">
          <DecisionTimeChart days={trends.days} />
        </Card>
        <Card title="Review backlog age" description="How long open cases have waited.">
          <BacklogAgeChart backlog={trends.backlog} />
        </Card>
      </div>
      <div className="mt-6 grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <Card title="Sessions by status" description="All time.">
          <ul className="grid gap-2 sm:grid-cols-2">
            {sessionStatuses.map((status) => (
              <li key={status} className="flex items-center justify-between rounded-md bg-slate-50 px-3 py-1.5">
                <Badge tone={statusTone(status)}>{status}</Badge>
                <span className="text-sm font-semibold tabular-nums" data-status-count={status}>
                  {counts.sessionsByStatus[status] ?? 0}
                </span>
              </li>
            ))}
          </ul>
        </Card>
        <div className="grid gap-4 sm:grid-cols-3">
          <StatCard label="API requests (24 h)" value={counts.apiRequestsLast24h} />
          <StatCard label="Enrolled faces" value={counts.enrolledFaces} href="/users" />
          <StatCard label="Workflows" value={counts.workflows} href="/workflows" />
          <StatCard label="Webhook destinations" value={counts.webhookDestinations} href="/webhooks" />
          <StatCard label="Active API keys" value={counts.activeApiKeys} href="/api-keys" />
          <StatCard label="Console users" value={counts.consoleUsers} href="/settings" />
        </div>
      </div>
    </>
  );
}
