import { NextResponse } from "next/server";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { admitUploadedCheck } from "@/lib/checks/admit-check";
import { runPlaygroundCheck } from "@/lib/playground/run-playground-check";

export const dynamic = "force-dynamic";

// POST /api/console/playground/face-match – compare two images in the console (multipart: source_image, target_image, keep?), as /v3/face-match/ runs it
// Any signed-in role; the same upload limits and check slots as the API, under the console's application.
export const POST = withConsoleSession("viewer", async (req, user) => {
  const application = await getConsoleApplication();
  return admitUploadedCheck(req, { applicationId: application.id }, async (form) => NextResponse.json(await runPlaygroundCheck(form, { check: "face-match", application, user })));
}, { accepts: ["multipart/form-data"] });
