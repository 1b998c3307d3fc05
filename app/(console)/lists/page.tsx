import type { Metadata } from "next";
import Link from "next/link";
import { DeleteFaceListButton, NewFaceListForm } from "@/components/console/face-list-actions";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { hasRole } from "@/lib/auth/roles";
import { listFaceLists } from "@/lib/console/list-area-rows";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Lists" };

export default async function ListsPage() {
  const user = await requirePageUser("viewer");
  const app = await getConsoleApplication();
  const rows = await listFaceLists(getDb(), app.id);
  const isAdmin = hasRole(user.role, "admin");
  return (
    <>
      <PageHeader title="Lists" description="Face blocklists and allowlists. Sessions with a face-list step compare every selfie against them; a blocklist hit declines the session." />
      {isAdmin ? (
        <div className="mb-6">
          <Card title="New list">
            <NewFaceListForm />
          </Card>
        </div>
      ) : null}
      <SimpleTable
        rows={rows}
        empty="No lists."
        columns={[
          { header: "Name", cell: (r) => <Link href={`/lists/${r.id}`} className="font-medium text-brand-700 hover:underline">{r.name}</Link> },
          { header: "Kind", cell: (r) => <Badge tone={r.kind === "blocklist" ? "red" : "green"}>{r.kind}</Badge> },
          { header: "Faces", cell: (r) => <span className="tabular-nums">{r._count.entries}</span> },
          { header: " ", cell: (r) => (r.isSystem ? <span className="text-xs text-slate-500">built in, cannot be deleted</span> : isAdmin ? <DeleteFaceListButton id={r.id} name={r.name} /> : null) },
        ]}
      />
    </>
  );
}
