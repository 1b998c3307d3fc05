import { NextResponse } from "next/server";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { listDeliveries } from "@/lib/webhooks/list-deliveries";

export const dynamic = "force-dynamic";

// GET /api/console/webhooks/{id}/deliveries – the latest 25 deliveries with their attempts (admin)
export const GET = withConsoleSession("admin", async (_req, _user, route) => {
  const { id } = (await route.params) as { id: string };
  const app = await getConsoleApplication();
  return NextResponse.json({ data: await listDeliveries(getDb(), { applicationId: app.id, destinationId: id, limit: 25 }) });
});
