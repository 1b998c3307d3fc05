import type { Metadata } from "next";
import { TeamManager } from "@/components/console/team-manager";
import { Card, PageHeader } from "@/components/ui/card";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { requirePageUser } from "@/lib/auth/require-page-user";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requirePageUser("admin");
  const app = await getConsoleApplication();
  return (
    <>
      <PageHeader title="Settings" description="Application defaults and the people who can use this console." />
      <div className="space-y-6">
        <Card title="Application defaults" description="Thresholds applied when a request or workflow does not override them.">
          <dl className="grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-4">
            <div>
              <dt className="text-slate-500">Face match review below</dt>
              <dd className="mt-1 text-lg font-semibold tabular-nums">{app.faceMatchReviewThreshold}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Face match decline below</dt>
              <dd className="mt-1 text-lg font-semibold tabular-nums">{app.faceMatchDeclineThreshold}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Liveness decline below</dt>
              <dd className="mt-1 text-lg font-semibold tabular-nums">{app.livenessDeclineThreshold}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Retention</dt>
              <dd className="mt-1 text-lg font-semibold">{app.retentionDays ? `${app.retentionDays} days` : "Unlimited"}</dd>
            </div>
          </dl>
        </Card>
        <TeamManager currentUserId={user.id} />
      </div>
    </>
  );
}
