import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar, type FilterField } from "@/components/console/filter-bar";
import { FilterProblems } from "@/components/console/filter-problems";
import { formatDateTime } from "@/components/console/format-date";
import { Pagination } from "@/components/console/pagination";
import { Badge, statusTone } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { listWorkflows } from "@/lib/console/list-area-rows";
import { readPageFilters, type PageSearchParams } from "@/lib/console/read-page-filters";
import { sessionFiltersSchema } from "@/lib/console/schemas";
import { searchSessions } from "@/lib/console/search-sessions";
import { getDb } from "@/lib/db";
import { listWorkflowBranches } from "@/lib/performance/list-workflow-branches";
import { sessionStatuses } from "@/lib/sessions/statuses";

export const metadata: Metadata = { title: "Sessions" };

const score = (v: number | null) => (v === null ? <span className="text-slate-500">—</span> : <span className="tabular-nums">{Math.round(v)}</span>);

export default async function SessionsPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  await requirePageUser("viewer");
  const app = await getConsoleApplication();
  const { values, filters, problems } = readPageFilters(sessionFiltersSchema, await searchParams);
  const db = getDb();
  const workflowId = filters?.workflow ?? values.workflow;
  const [result, workflows, branches] = await Promise.all([
    filters ? searchSessions(db, { applicationId: app.id, filters }) : null,
    listWorkflows(db, app.id),
    workflowId ? listWorkflowBranches(db, { applicationId: app.id, workflowId }) : [],
  ]);
  const fields: FilterField[] = [
    { name: "status", label: "Status", type: "select", options: sessionStatuses.map((s) => ({ value: s, label: s })) },
    { name: "workflow", label: "Workflow", type: "select", options: workflows.map((w) => ({ value: w.id, label: w.label })) },
    { name: "version", label: "Version", type: "number", placeholder: "any" },
    // the branches of the chosen workflow's A/B splits; without a workflow, typed as split:branch
    branches.length ? { name: "branch", label: "A/B branch", type: "select", options: branches } : { name: "branch", label: "A/B branch", type: "text", placeholder: "split:branch" },
    { name: "vendor_data", label: "Vendor data", type: "text", placeholder: "starts with…" },
    { name: "from", label: "Created from", type: "date" },
    { name: "to", label: "Created to", type: "date" },
    { name: "fm_min", label: "Match ≥", type: "number" },
    { name: "fm_max", label: "Match ≤", type: "number" },
    { name: "lv_min", label: "Liveness ≥", type: "number" },
    { name: "lv_max", label: "Liveness ≤", type: "number" },
  ];
  return (
    <>
      <PageHeader title="Sessions" description="Every verification session of this application. Filters are kept in the address, so a view can be shared." />
      <FilterBar label="Filter sessions" fields={fields} values={{ ...values, page: undefined }} />
      {result ? (
        <>
          <SimpleTable
            rows={result.rows}
            empty="No sessions match these filters."
            columns={[
              {
                header: "Session",
                cell: (r) => (
                  <Link href={`/sessions/${r.id}`} className="font-medium text-brand-700 hover:underline">
                    #{r.sessionNumber}
                  </Link>
                ),
              },
              { header: "Vendor data", cell: (r) => (r.vendorData ? <Link href={`/users/${encodeURIComponent(r.vendorData)}`} className="hover:underline">{r.vendorData}</Link> : "—") },
              { header: "Workflow", cell: (r) => r.workflow },
              { header: "Status", cell: (r) => <Badge tone={statusTone(r.status)}>{r.status}</Badge> },
              { header: "Face match", cell: (r) => score(r.faceMatch) },
              { header: "Liveness", cell: (r) => score(r.liveness) },
              { header: "Created", cell: (r) => formatDateTime(r.createdAt) },
              { header: "Decided", cell: (r) => formatDateTime(r.decidedAt) },
            ]}
          />
          <Pagination basePath="/sessions" params={values} page={result.page} pages={result.pages} total={result.total} noun="session" />
        </>
      ) : (
        <FilterProblems problems={problems} fields={fields} />
      )}
    </>
  );
}
