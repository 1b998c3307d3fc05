import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { listFaceLists } from "@/lib/console/list-area-rows";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Lists" };

export default async function ListsPage() {
  await requirePageUser("viewer");
  const app = await getConsoleApplication();
  const rows = await listFaceLists(getDb(), app.id);
  return (
    <>
      <PageHeader title="Lists" description="Face blocklists and allowlists the checks compare every face against." />
      <SimpleTable
        rows={rows}
        empty="No lists."
        columns={[
          { header: "Name", cell: (r) => <span className="font-medium text-slate-900">{r.name}</span> },
          { header: "Kind", cell: (r) => <Badge tone={r.kind === "blocklist" ? "red" : "green"}>{r.kind}</Badge> },
          { header: "Faces", cell: (r) => r._count.entries },
          { header: "", cell: (r) => (r.isSystem ? <span className="text-xs text-slate-500">built in</span> : null) },
        ]}
      />
    </>
  );
}
