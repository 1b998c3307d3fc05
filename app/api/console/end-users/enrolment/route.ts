import { NextResponse } from "next/server";
import { z } from "zod";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { enrolFromSessionSchema } from "@/lib/console/schemas";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { clearEnrolment } from "@/lib/users/clear-enrolment";
import { enrolFromSession } from "@/lib/users/enrol-from-session";

const bodySchema = enrolFromSessionSchema.extend({ vendorData: z.string().min(1).max(512) });

// POST /api/console/end-users/enrolment – re-enrol {vendorData, sessionId}: that Approved session's selfie becomes the enrolled face (admin)
export const POST = withConsoleSession("admin", async (req, user) => {
  const body = await parseJsonBody(req, bodySchema);
  const app = await getConsoleApplication();
  return NextResponse.json(await enrolFromSession(getDb(), { applicationId: app.id, vendorData: body.vendorData, sessionId: body.sessionId, actor: { type: "user", id: user.id, label: user.email } }), { status: 201 });
});

// DELETE /api/console/end-users/enrolment?vendor_data=… – forget the enrolled faces; the next Approved session enrols again (admin)
export const DELETE = withConsoleSession("admin", async (req, user) => {
  const vendorData = req.nextUrl.searchParams.get("vendor_data");
  if (!vendorData) throw new AppError("validation_error", "vendor_data is required.", { field: "vendor_data" });
  const app = await getConsoleApplication();
  return NextResponse.json(await clearEnrolment(getDb(), { applicationId: app.id, vendorData, actor: { type: "user", id: user.id, label: user.email } }));
});
