import { NextResponse } from "next/server";
import { MAX_ONE_IMAGE_MULTIPART_BYTES } from "@/lib/api/read-multipart-form";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { admitUploadedCheck } from "@/lib/checks/admit-check";
import { runPlaygroundCheck } from "@/lib/playground/run-playground-check";

export const dynamic = "force-dynamic";

// POST /api/console/playground/face-search – search one face among the application's enrolled faces (multipart: user_image, keep?), as /v3/face-search/ runs it
// Any signed-in role; the same upload limits and check slots as the API, under the console's application.
export const POST = withConsoleSession("viewer", async (req, user) => {
  const application = await getConsoleApplication();
  return admitUploadedCheck(req, { applicationId: application.id, max: MAX_ONE_IMAGE_MULTIPART_BYTES }, async (form) => NextResponse.json(await runPlaygroundCheck(form, { check: "face-search", application, user })));
}, { accepts: ["multipart/form-data"] });
