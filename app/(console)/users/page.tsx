import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { FilterBar, type FilterField } from "@/components/console/filter-bar";
import { FilterProblems } from "@/components/console/filter-problems";
import { formatDateTime } from "@/components/console/format-date";
import { Pagination } from "@/components/console/pagination";
import { PageHeader } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { getDb } from "@/lib/db";
import { readPageFilters, type PageSearchParams } from "@/lib/console/read-page-filters";
import { listEndUsers } from "@/lib/users/list-end-users";

export const metadata: Metadata = { title: "Users" };

const querySchema = z.object({ q: z.string().trim().max(200, "Search for at most 200 characters.").optional(), page: z.coerce.number().int().min(1).catch(1).default(1) });
const fields: FilterField[] = [{ name: "q", label: "Vendor data", type: "text", placeholder: "starts with…" }];

export default async function EndUsersPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  await requirePageUser("viewer");
  const app = await getConsoleApplication();
  const read = readPageFilters(querySchema, await searchParams);
  // a search too long to be a vendor_data is named on the page and left out, as other list filters
  const query = read.filters ?? querySchema.parse({ page: read.raw.page });
  const result = await listEndUsers(getDb(), { applicationId: app.id, search: query.q || undefined, page: query.page });
  return (
    <>
      <PageHeader title="Users" description="Your end users, by the vendor_data you send with their sessions: their sessions, enrolled faces, trusted devices and IP addresses." />
      {read.problems.length > 0 ? <FilterProblems problems={read.problems} fields={fields} /> : null}
      <FilterBar label="Find users" values={{ q: read.values.q }} fields={fields} />
      <SimpleTable
        rows={result.rows}
        empty="No end users found."
        columns={[
          { header: "Vendor data", cell: (r) => <Link href={`/users/${encodeURIComponent(r.vendorData)}`} className="font-medium text-brand-700 hover:underline">{r.vendorData}</Link> },
          { header: "Sessions", cell: (r) => <span className="tabular-nums">{r.sessions}</span> },
          { header: "Approved", cell: (r) => <span className="tabular-nums">{r.approved}</span> },
          { header: "Enrolled faces", cell: (r) => <span className="tabular-nums">{r.enrolled}</span> },
          { header: "Last session", cell: (r) => formatDateTime(r.lastSeen) },
        ]}
      />
      <Pagination basePath="/users" params={{ q: query.q }} page={result.page} pages={result.pages} total={result.total} noun="user" />
    </>
  );
}
