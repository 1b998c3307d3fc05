import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClearEnrolmentButton, DeleteEndUserButton, EnrolButton } from "@/components/console/end-user-actions";
import { formatDateTime } from "@/components/console/format-date";
import { plural } from "@/components/console/plural";
import { Badge, statusTone } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { hasRole } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { getEndUser } from "@/lib/users/get-end-user";

export const metadata: Metadata = { title: "User" };

const sourceLabel: Record<string, string> = { session: "Approved session", reauth: "Re-authentication", portrait: "portrait_image", list: "Face list" };

export default async function EndUserPage({ params }: { params: Promise<{ vendorData: string }> }) {
  const me = await requirePageUser("viewer");
  const raw = (await params).vendorData;
  let vendorData = raw;
  try {
    vendorData = decodeURIComponent(raw);
  } catch {
    // already decoded
  }
  const app = await getConsoleApplication();
  const user = await getEndUser(getDb(), { applicationId: app.id, vendorData });
  if (!user) notFound();
  const isAdmin = hasRole(me.role, "admin");
  const enrolled = user.templates.filter((t) => t.enrolment).length;
  return (
    <>
      <nav className="mb-2 text-sm">
        <Link href="/users" className="text-brand-700 hover:underline">
          ← Users
        </Link>
      </nav>
      <PageHeader
        title={user.vendorData}
        description={`${plural(user.sessions.length, "session")} · ${plural(enrolled, "enrolled face")} · ${plural(user.devices.length, "trusted device")} · ${plural(user.ips.length, "trusted IP address", "trusted IP addresses")}`}
        actions={isAdmin ? <div className="flex gap-2">{enrolled ? <ClearEnrolmentButton vendorData={user.vendorData} /> : null}<DeleteEndUserButton vendorData={user.vendorData} /></div> : null}
      />
      <div className="space-y-6">
        <Card title="Sessions">
          <SimpleTable
            rows={user.sessions}
            empty="No sessions."
            columns={[
              { header: "Session", cell: (r) => <Link href={`/sessions/${r.id}`} className="font-medium text-brand-700 hover:underline">#{r.sessionNumber}</Link> },
              { header: "Workflow", cell: (r) => r.workflow },
              { header: "Status", cell: (r) => <Badge tone={statusTone(r.status)}>{r.status}</Badge> },
              { header: "Face match", cell: (r) => (r.faceMatch === null ? "—" : Math.round(r.faceMatch)) },
              { header: "Created", cell: (r) => formatDateTime(r.createdAt) },
              { header: " ", cell: (r) => (isAdmin && r.status === "Approved" && r.hasSelfie ? <EnrolButton vendorData={user.vendorData} sessionId={r.id} /> : null) },
            ]}
          />
        </Card>
        <div className="grid gap-6 xl:grid-cols-3">
          <Card title="Face templates" description="Encrypted embeddings; never shown or exported.">
            <SimpleTable
              rows={user.templates}
              empty="No face enrolled."
              columns={[
                { header: "Source", cell: (r) => <span>{sourceLabel[r.source] ?? r.source} {r.enrolment ? <Badge tone="blue">enrolled</Badge> : null}</span> },
                { header: "Created", cell: (r) => formatDateTime(r.createdAt) },
              ]}
            />
          </Card>
          <Card title="Trusted devices" description="Seen on an approved session.">
            <SimpleTable
              rows={user.devices}
              empty="No known devices."
              columns={[
                { header: "Device", cell: (r) => <span className="block max-w-[14rem] truncate text-xs" title={r.userAgent ?? undefined}>{r.userAgent ?? `${r.deviceIdHash.slice(0, 12)}…`}</span> },
                { header: "Last seen", cell: (r) => formatDateTime(r.lastSeenAt) },
              ]}
            />
          </Card>
          <Card title="Trusted IP addresses">
            <SimpleTable
              rows={user.ips}
              empty="No known IP addresses."
              columns={[
                { header: "IP", cell: (r) => <span className="font-mono text-xs">{r.ip}</span> },
                { header: "Last seen", cell: (r) => formatDateTime(r.lastSeenAt) },
              ]}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
