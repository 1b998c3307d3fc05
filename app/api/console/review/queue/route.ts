import { NextResponse, type NextRequest } from "next/server";
import { zodToAppError } from "@/lib/api/error-response";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { countReviewerWorkload } from "@/lib/review/count-reviewer-workload";
import { listReviewQueue } from "@/lib/review/list-review-queue";
import { queueQuerySchema, readQuery } from "@/lib/review/queue-filters";

export const dynamic = "force-dynamic";

// GET /api/console/review/queue – a page of the cases In Review (filters as query parameters), most
// urgent first, with scores, reasons and deadlines, and each reviewer's workload
export const GET = withConsoleSession("viewer", async (req: NextRequest, user) => {
  const parsed = queueQuerySchema.safeParse(readQuery(req.nextUrl.searchParams));
  if (!parsed.success) throw zodToAppError(parsed.error);
  const app = await getConsoleApplication();
  const db = getDb();
  const { day_start, ...query } = parsed.data;
  const dayStart = day_start ? new Date(day_start) : new Date(new Date().setUTCHours(0, 0, 0, 0));
  const [queue, team] = await Promise.all([listReviewQueue(db, { applicationId: app.id, userId: user.id, query }), countReviewerWorkload(db, { applicationId: app.id, dayStart })]);
  return NextResponse.json({ ...queue, team });
});
