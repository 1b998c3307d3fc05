import type { Metadata } from "next";
import { formatDateTime } from "@/components/console/format-date";
import { PageHeader } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { listRecentSessions } from "@/lib/console/list-area-rows";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewQueuePage() {
  await requirePageUser("viewer");
  const app = await getConsoleApplication();
  const rows = await listRecentSessions(getDb(), app.id, "In Review");
  return (
    <>
      <PageHeader title="Review queue" description="Sessions waiting for a human decision, oldest first." />
      <SimpleTable
        rows={rows}
        empty="Nothing to review."
        columns={[
          { header: "#", cell: (r) => r.sessionNumber },
          { header: "Vendor data", cell: (r) => r.vendorData ?? "—" },
          { header: "Workflow", cell: (r) => r.workflow.label },
          { header: "Waiting since", cell: (r) => formatDateTime(r.createdAt) },
        ]}
      />
    </>
  );
}
