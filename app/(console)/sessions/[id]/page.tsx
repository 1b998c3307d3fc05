import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CaseActions } from "@/components/cases/case-actions";
import { CommentForm } from "@/components/cases/comment-form";
import { CaseEvidence } from "@/components/cases/case-evidence";
import { DecidedByNote } from "@/components/cases/decided-by-note";
import { SessionChecks } from "@/components/cases/session-checks";
import { SessionDeliveries } from "@/components/cases/session-deliveries";
import { SessionReviews } from "@/components/cases/session-reviews";
import { SessionSignals } from "@/components/cases/session-signals";
import { SessionTimeline } from "@/components/cases/session-timeline";
import { formatDateTime } from "@/components/console/format-date";
import { Badge, statusTone } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { hasRole } from "@/lib/auth/roles";
import { getCaseTimeline } from "@/lib/console/get-case-timeline";
import { getSessionDetail } from "@/lib/console/get-session-detail";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Session" };

export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("viewer");
  const { id } = await params;
  const app = await getConsoleApplication();
  const ref = { applicationId: app.id, sessionId: id };
  // the details and the timeline are independent reads of the same session
  const [s, timeline] = /^[0-9a-f-]{36}$/i.test(id) ? await Promise.all([getSessionDetail(getDb(), ref), getCaseTimeline(getDb(), ref)]) : [null, null];
  if (!s) notFound();
  const canAct = hasRole(user.role, "reviewer");
  return (
    <>
      <nav className="mb-2 text-sm">
        <Link href="/sessions" className="text-brand-700 hover:underline">
          ← Sessions
        </Link>
      </nav>
      <PageHeader
        title={`Session #${s.sessionNumber}`}
        description={
          <>
            {s.workflow.label}
            {s.workflow.version ? ` v${s.workflow.version}` : ""} · created {formatDateTime(s.createdAt)}
            {s.decidedAt ? <> · decided {formatDateTime(s.decidedAt)}</> : null}
          </>
        }
        actions={
          <div className="flex items-center gap-3">
            <a href={`/api/console/sessions/${s.id}/pdf`} download className="rounded-md bg-white px-3.5 py-2 text-sm font-medium text-slate-700 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50">
              Export PDF
            </a>
            <span data-testid="session-status">
              <Badge tone={statusTone(s.status)}>{s.status}</Badge>
            </span>
            {s.status === "In Review" && canAct ? (
              <Link href={`/review?case=${s.id}`} className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-brand-700">
                Decide in the review queue
              </Link>
            ) : null}
          </div>
        }
      />
      <div className="mb-6 flex flex-wrap gap-x-8 gap-y-2 rounded-lg bg-white px-5 py-3 text-sm shadow-sm ring-1 ring-slate-200">
        <span>
          <span className="text-slate-500">Vendor data </span>
          {s.vendorData ? (
            <Link className="font-medium text-brand-700 hover:underline" href={`/users/${encodeURIComponent(s.vendorData)}`}>
              {s.vendorData}
            </Link>
          ) : (
            "—"
          )}
        </span>
        <span>
          <span className="text-slate-500">Type </span>
          {s.workflowType === "biometric_authentication" ? "re-authentication" : "verification"}
        </span>
        <span>
          <span className="text-slate-500">Assigned to </span>
          {s.assignedTo?.email ?? "nobody"}
        </span>
        <span className="font-mono text-xs leading-5 text-slate-500">{s.id}</span>
      </div>
      {s.decidedBy ? (
        <div className="mb-6">
          <DecidedByNote text={s.decidedBy} />
        </div>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1.5fr)_minmax(0,1fr)]">
        <div className="space-y-6">
          <Card title="Faces" description="The selfie and the reference it was compared with, zoomed and moved together; every attempt, and the faces its warnings matched.">
            <div className="max-w-2xl">
              <CaseEvidence key={s.id} sessionId={s.id} canAct={canAct} />
            </div>
          </Card>
          <Card title="Checks">
            <SessionChecks checks={s.checks} />
          </Card>
          <Card title="Webhook deliveries">
            <SessionDeliveries deliveries={s.deliveries} />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Device and network">
            <SessionSignals session={s} />
          </Card>
          <Card title="Timeline" description="Everything that happened to this case, in your time zone.">
            <SessionTimeline entries={timeline ?? []} />
            <Link href={`/audit?session=${s.id}`} className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
              Audit log for this session →
            </Link>
          </Card>
          <Card title="Reviews and comments">
            <div className="space-y-4">
              <SessionReviews reviews={s.reviews} />
              {canAct ? <CommentForm sessionId={s.id} /> : null}
            </div>
          </Card>
          {canAct ? (
            <Card title="Case actions">
              <CaseActions sessionId={s.id} me={{ id: user.id, isAdmin: hasRole(user.role, "admin") }} />
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
