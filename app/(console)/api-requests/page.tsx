import type { Metadata } from "next";
import { formatDateTime } from "@/components/console/format-date";
import { Pagination } from "@/components/console/pagination";
import { Badge, statusTone } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { apiRequestFiltersSchema, listApiRequests } from "@/lib/console/list-api-requests";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "API requests" };

export default async function ApiRequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("viewer");
  const app = await getConsoleApplication();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const filters = apiRequestFiltersSchema.parse(raw);
  const result = await listApiRequests(getDb(), { applicationId: app.id, filters });
  return (
    <>
      <PageHeader title="API requests" description="Every standalone call (face match, passive liveness, face search) with its result. Images are kept only when the call asked for it or the application keeps them." />
      <form className="mb-4 flex flex-wrap items-end gap-3 text-sm" method="get">
        <label className="flex flex-col gap-1">
          <span className="font-medium text-slate-700">Endpoint</span>
          <select name="endpoint" defaultValue={filters.endpoint ?? ""} className="rounded-md px-2 py-1.5 ring-1 ring-slate-300">
            <option value="">All</option>
            <option value="face-match">face-match</option>
            <option value="passive-liveness">passive-liveness</option>
            <option value="face-search">face-search</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium text-slate-700">Status</span>
          <select name="status" defaultValue={filters.status ?? ""} className="rounded-md px-2 py-1.5 ring-1 ring-slate-300">
            <option value="">All</option>
            <option>Approved</option>
            <option>In Review</option>
            <option>Declined</option>
          </select>
        </label>
        <button type="submit" className="rounded-md bg-white px-3 py-1.5 font-medium ring-1 ring-slate-300 hover:bg-slate-50">
          Filter
        </button>
      </form>
      <SimpleTable
        rows={result.rows}
        empty="No API requests yet."
        columns={[
          { header: "When", cell: (r) => formatDateTime(r.createdAt) },
          { header: "Endpoint", cell: (r) => <span className="font-mono text-xs">/v3/{r.endpoint}/</span> },
          { header: "Status", cell: (r) => (r.status ? <Badge tone={statusTone(r.status)}>{r.status}</Badge> : "—") },
          { header: "Score", cell: (r) => (r.score === null ? "—" : Math.round(r.score)) },
          { header: "Vendor data", cell: (r) => r.vendorData ?? "—" },
          { header: "Warnings", cell: (r) => (r.risks.length ? <span className="font-mono text-[11px]">{r.risks.join(", ")}</span> : "—") },
          { header: "Time", cell: (r) => (r.durationMs === null ? "—" : `${r.durationMs} ms`) },
          { header: "Request id", cell: (r) => <span className="font-mono text-[11px] text-slate-500">{r.id}</span> },
        ]}
      />
      <Pagination basePath="/api-requests" params={{ endpoint: filters.endpoint, status: filters.status }} page={filters.page} pages={result.pages} total={result.total} noun="request" />
    </>
  );
}
