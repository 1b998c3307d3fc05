import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/console/format-date";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { NewWorkflowForm } from "@/components/workflow-builder/new-workflow-form";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { hasRole } from "@/lib/auth/roles";
import { listWorkflows } from "@/lib/console/list-area-rows";
import { getDb } from "@/lib/db";
import { workflowStarters } from "@/lib/workflows/workflow-starters";

export const metadata: Metadata = { title: "Workflows" };

export default async function WorkflowsPage() {
  const user = await requirePageUser("viewer");
  const app = await getConsoleApplication();
  const rows = await listWorkflows(getDb(), app.id);
  const starters = Object.entries(workflowStarters).map(([id, s]) => ({ id, label: s.label }));
  return (
    <>
      <PageHeader title="Workflows" description="Verification flows sessions run: which checks, in which order, with which thresholds. Open one to edit it in the visual builder." />
      {hasRole(user.role, "admin") ? (
        <div className="mb-6">
          <Card title="New workflow" description="Starts as a draft; sessions can use it once you publish it.">
            <NewWorkflowForm starters={starters} />
          </Card>
        </div>
      ) : null}
      <SimpleTable
        rows={rows}
        empty="No workflows yet."
        columns={[
          {
            header: "Label",
            cell: (r) => (
              <Link href={`/workflows/${r.id}`} className="font-medium text-brand-700 hover:underline">
                {r.label}
              </Link>
            ),
          },
          { header: "Type", cell: (r) => r.workflowType },
          { header: "Default", cell: (r) => (r.isDefault ? <Badge tone="blue">Default</Badge> : "") },
          { header: "Versions", cell: (r) => (r._count.versions ? r._count.versions : <Badge>Draft only</Badge>) },
          { header: "Sessions", cell: (r) => r._count.sessions },
          { header: "Updated", cell: (r) => formatDateTime(r.updatedAt) },
        ]}
      />
    </>
  );
}
