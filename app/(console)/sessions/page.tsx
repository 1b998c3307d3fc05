import type { Metadata } from "next";
import { formatDateTime } from "@/components/console/format-date";
import { Badge, statusTone } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { listRecentSessions } from "@/lib/console/list-area-rows";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage() {
  await requirePageUser("viewer");
  const app = await getConsoleApplication();
  const rows = await listRecentSessions(getDb(), app.id);
  return (
    <>
      <PageHeader title="Sessions" description="The latest verification sessions created through the API." />
      <SimpleTable
        rows={rows}
        empty="No sessions yet. Create one with POST /v3/session/."
        columns={[
          { header: "#", cell: (r) => r.sessionNumber },
          { header: "Vendor data", cell: (r) => r.vendorData ?? "—" },
          { header: "Workflow", cell: (r) => r.workflow.label },
          { header: "Status", cell: (r) => <Badge tone={statusTone(r.status)}>{r.status}</Badge> },
          { header: "Created", cell: (r) => formatDateTime(r.createdAt) },
        ]}
      />
    </>
  );
}
