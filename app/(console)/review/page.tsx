import type { Metadata } from "next";
import { ReviewQueue } from "@/components/cases/review-queue";
import { PageHeader } from "@/components/ui/card";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { hasRole } from "@/lib/auth/roles";
import { listWorkflows } from "@/lib/console/list-area-rows";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewQueuePage() {
  const user = await requirePageUser("viewer");
  const app = await getConsoleApplication();
  const workflows = await listWorkflows(getDb(), app.id);
  return (
    <>
      <PageHeader title="Review queue" description="Sessions waiting for a human decision, most urgent first: priority, then the SLA deadline, then the longest wait. Every decision carries a reason or a comment, is audited and notifies your webhooks." />
      <ReviewQueue me={{ id: user.id, email: user.email }} canAct={hasRole(user.role, "reviewer")} isAdmin={hasRole(user.role, "admin")} workflows={workflows.map((w) => ({ value: w.id, label: w.label }))} />
    </>
  );
}
