import { NextResponse } from "next/server";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { rotateDestinationSecret } from "@/lib/webhooks/rotate-destination-secret";

// POST /api/console/webhooks/{id}/rotate-secret – new signing secret, shown once; the old one stays valid 24 h (admin)
export const POST = withConsoleSession("admin", async (_req, user, route) => {
  const { id } = (await route.params) as { id: string };
  const app = await getConsoleApplication();
  return NextResponse.json(await rotateDestinationSecret(getDb(), { applicationId: app.id, id, graceHours: 24, actor: { type: "user", id: user.id, label: user.email } }));
});
