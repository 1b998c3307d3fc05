import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { FilterBar } from "@/components/console/filter-bar";
import { formatDateTime } from "@/components/console/format-date";
import { Pagination } from "@/components/console/pagination";
import { PageHeader } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { getDb } from "@/lib/db";
import { listEndUsers } from "@/lib/users/list-end-users";

export const metadata: Metadata = { title: "Users" };

const querySchema = z.object({ q: z.string().trim().max(200).optional(), page: z.coerce.number().int().min(1).catch(1).default(1) });

export default async function EndUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser("viewer");
  const app = await getConsoleApplication();
  const query = querySchema.parse(Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const result = await listEndUsers(getDb(), { applicationId: app.id, search: query.q || undefined, page: query.page });
  return (
    <>
      <PageHeader title="Users" description="Your end users, by the vendor_data you send with their sessions: their sessions, enrolled faces, trusted devices and IP addresses." />
      <FilterBar label="Find users" values={{ q: query.q }} fields={[{ name: "q", label: "Vendor data", type: "text", placeholder: "starts with…" }]} />
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
