import type { Metadata } from "next";
import { Playground } from "@/components/playground/playground";
import { PageHeader } from "@/components/ui/card";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { requirePageUser } from "@/lib/auth/require-page-user";

export const metadata: Metadata = { title: "Playground" };

export default async function PlaygroundPage() {
  await requirePageUser("viewer");
  const app = await getConsoleApplication();
  return (
    <>
      <PageHeader
        title="Playground"
        description="Try the engine on your own photos: the same face match, liveness and search the API runs, with the score, the thresholds that decided it, what the models saw, and the curl command that reproduces it."
      />
      <Playground applicationName={app.name} />
    </>
  );
}
