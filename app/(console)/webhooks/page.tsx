import type { Metadata } from "next";
import { WebhooksManager } from "@/components/console/webhooks-manager";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/require-page-user";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  await requirePageUser("admin");
  return (
    <>
      <PageHeader title="Webhooks" description="Signed deliveries to your backend on every session status change, retried with backoff. Replay any delivery with its original delivery id." />
      <WebhooksManager />
    </>
  );
}
