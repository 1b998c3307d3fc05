import { NextResponse } from "next/server";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getCaseEvidence } from "@/lib/console/get-case-evidence";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

// GET /api/console/sessions/{id}/evidence – selfie, reference, every attempt's image, the faces its
// warnings matched and the lists its face is on (signed media URLs)
export const GET = withConsoleSession("viewer", async (_req, _user, route) => {
  const { id } = (await route.params) as { id: string };
  const app = await getConsoleApplication();
  const evidence = await getCaseEvidence(getDb(), { applicationId: app.id, sessionId: id });
  if (!evidence) throw new AppError("not_found", "No session with this id.");
  return NextResponse.json(evidence);
});
