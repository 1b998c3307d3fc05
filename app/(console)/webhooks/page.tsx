import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { listWebhookDestinations } from "@/lib/console/list-area-rows";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  await requirePageUser("admin");
  const app = await getConsoleApplication();
  const rows = await listWebhookDestinations(getDb(), app.id);
  return (
    <>
      <PageHeader title="Webhooks" description="Signed deliveries to your backend on every session status change." />
      <SimpleTable
        rows={rows}
        empty="No destinations. Add one with POST /v3/webhook/destinations/."
        columns={[
          { header: "Label", cell: (r) => <span className="font-medium text-slate-900">{r.label}</span> },
          { header: "URL", cell: (r) => <span className="font-mono text-xs">{r.url}</span> },
          { header: "State", cell: (r) => (r.enabled ? <Badge tone="green">Enabled</Badge> : <Badge>Disabled</Badge>) },
        ]}
      />
    </>
  );
}
