import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { createDestination } from "@/lib/webhooks/create-destination";
import { listDestinations } from "@/lib/webhooks/list-destinations";
import { createDestinationSchema } from "@/lib/webhooks/schemas";

// GET /api/console/webhooks – webhook destinations of the application (admin)
export const GET = withConsoleSession("admin", async () => {
  const app = await getConsoleApplication();
  return NextResponse.json({ data: await listDestinations(getDb(), { applicationId: app.id }) });
});

// POST /api/console/webhooks – add a destination; the response carries its secret, shown once (admin)
export const POST = withConsoleSession("admin", async (req, user) => {
  const data = await parseJsonBody(req, createDestinationSchema);
  const app = await getConsoleApplication();
  return NextResponse.json(await createDestination(getDb(), { applicationId: app.id, data, actor: { type: "user", id: user.id, label: user.email } }), { status: 201 });
});
