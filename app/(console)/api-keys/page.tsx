import type { Metadata } from "next";
import { ApiKeysManager } from "@/components/console/api-keys-manager";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/require-page-user";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  await requirePageUser("admin");
  return (
    <>
      <PageHeader title="API keys" description="Keys authenticate your backend on the /v3 API with the x-api-key header. Only a hash is stored." />
      <ApiKeysManager />
    </>
  );
}
