import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { updateBranding } from "@/lib/applications/update-branding";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { brandingSchema } from "@/lib/console/schemas";
import { getDb } from "@/lib/db";

// GET /api/console/application/branding – the hosted page's name, colour and logo
export const GET = withConsoleSession("viewer", async () => {
  const app = await getConsoleApplication();
  return NextResponse.json({ name: null, color: null, logoUrl: null, ...((app.branding ?? {}) as object) });
});

// PUT /api/console/application/branding – replace {name, color, logoUrl} (admin, audited; logo ≤ 100 KB data URL)
export const PUT = withConsoleSession("admin", async (req, user) => {
  const branding = await parseJsonBody(req, brandingSchema);
  const app = await getConsoleApplication();
  return NextResponse.json({ name: null, color: null, logoUrl: null, ...(await updateBranding(getDb(), { applicationId: app.id, branding, actor: { type: "user", id: user.id, label: user.email } })) });
});
