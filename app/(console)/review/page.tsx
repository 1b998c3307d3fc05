import type { Metadata } from "next";
import { ReviewQueue } from "@/components/cases/review-queue";
import { PageHeader } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { hasRole } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewQueuePage() {
  const user = await requirePageUser("viewer");
  return (
    <>
      <PageHeader title="Review queue" description="Sessions waiting for a human decision, oldest first. Every decision carries a reason or a comment, is audited and notifies your webhooks." />
      <ReviewQueue me={{ id: user.id, email: user.email }} canAct={hasRole(user.role, "reviewer")} />
    </>
  );
}
