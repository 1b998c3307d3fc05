import type { Metadata } from "next";
import { StatCard } from "@/components/console/stat-card";
import { Badge, statusTone } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { getDb } from "@/lib/db";
import { getOverviewCounts } from "@/lib/overview/get-overview-counts";
import { sessionStatuses } from "@/lib/sessions/statuses";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  await requirePageUser("viewer");
  const application = await getConsoleApplication();
  const counts = await getOverviewCounts(getDb(), application.id);
  return (
    <>
      <PageHeader title="Overview" description={`Verification activity of ${application.name}.`} />
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label="Sessions" value={counts.sessionsTotal} hint={`${counts.sessionsLast24h} in the last 24 h`} href="/sessions" />
        <StatCard label="Waiting for review" value={counts.reviewBacklog} href="/review" />
        <StatCard label="API requests (24 h)" value={counts.apiRequestsLast24h} />
        <StatCard label="Enrolled faces" value={counts.enrolledFaces} href="/users" />
        <StatCard label="Workflows" value={counts.workflows} href="/workflows" />
        <StatCard label="Webhook destinations" value={counts.webhookDestinations} href="/webhooks" />
        <StatCard label="Active API keys" value={counts.activeApiKeys} href="/api-keys" />
        <StatCard label="Console users" value={counts.consoleUsers} href="/settings" />
      </div>
      <div className="mt-6">
        <Card title="Sessions by status">
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
            {sessionStatuses.map((status) => (
              <li key={status} className="flex items-center justify-between rounded-md bg-slate-50 px-3 py-2">
                <Badge tone={statusTone(status)}>{status}</Badge>
                <span className="text-sm font-semibold tabular-nums" data-status-count={status}>
                  {counts.sessionsByStatus[status] ?? 0}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </>
  );
}
