import { NextResponse } from "next/server";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { listReviewQueue } from "@/lib/review/list-review-queue";

export const dynamic = "force-dynamic";

// GET /api/console/review/queue – sessions In Review, oldest first, with images and scores
export const GET = withConsoleSession("viewer", async () => {
  const app = await getConsoleApplication();
  return NextResponse.json(await listReviewQueue(getDb(), { applicationId: app.id }));
});
