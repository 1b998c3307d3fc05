import type { Metadata } from "next";
import { formatDateTime } from "@/components/console/format-date";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { listWorkflows } from "@/lib/console/list-area-rows";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Workflows" };

export default async function WorkflowsPage() {
  await requirePageUser("viewer");
  const app = await getConsoleApplication();
  const rows = await listWorkflows(getDb(), app.id);
  return (
    <>
      <PageHeader title="Workflows" description="Verification flows sessions run: which checks, in which order, with which thresholds." />
      <SimpleTable
        rows={rows}
        empty="No workflows yet. Create one with POST /v3/workflows/."
        columns={[
          { header: "Label", cell: (r) => <span className="font-medium text-slate-900">{r.label}</span> },
          { header: "Type", cell: (r) => r.workflowType },
          { header: "Default", cell: (r) => (r.isDefault ? <Badge tone="blue">Default</Badge> : "") },
          { header: "Versions", cell: (r) => r._count.versions },
          { header: "Sessions", cell: (r) => r._count.sessions },
          { header: "Updated", cell: (r) => formatDateTime(r.updatedAt) },
        ]}
      />
    </>
  );
}
