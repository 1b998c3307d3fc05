import type { Metadata } from "next";
import { formatDateTime } from "@/components/console/format-date";
import { PageHeader } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { listEndUsers } from "@/lib/console/list-area-rows";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Users" };

export default async function EndUsersPage() {
  await requirePageUser("viewer");
  const app = await getConsoleApplication();
  const rows = await listEndUsers(getDb(), app.id);
  return (
    <>
      <PageHeader title="Users" description="Your end users, by the vendor_data you send with their sessions." />
      <SimpleTable
        rows={rows}
        empty="No end users yet."
        columns={[
          { header: "Vendor data", cell: (r) => <span className="font-medium text-slate-900">{r.vendorData}</span> },
          { header: "Sessions", cell: (r) => r.sessions },
          { header: "Last session", cell: (r) => formatDateTime(r.lastSeen) },
        ]}
      />
    </>
  );
}
