import { NextResponse } from "next/server";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { explainStoredFace } from "@/lib/console/explain-stored-face";
import { caseMediaIds, getCaseEvidence } from "@/lib/console/get-case-evidence";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

// GET /api/console/sessions/{id}/analysis?media={mediaId} – what the engine saw in one image of the case:
// face boxes, alignment points, and the aligned crops its models used (reviewer; computed on demand)
export const GET = withConsoleSession("reviewer", async (req, _user, route) => {
  const { id } = (await route.params) as { id: string };
  const mediaId = req.nextUrl.searchParams.get("media");
  if (!mediaId) throw new AppError("validation_error", "media is required: the id of one of the case's images.", { field: "media" });
  const app = await getConsoleApplication();
  const db = getDb();
  const evidence = await getCaseEvidence(db, { applicationId: app.id, sessionId: id });
  if (!evidence) throw new AppError("not_found", "No session with this id.");
  if (!caseMediaIds(evidence).has(mediaId)) throw new AppError("not_found", "This case has no stored image with this id.", { field: "media" });
  const overlay = await explainStoredFace(db, mediaId);
  if (!overlay) throw new AppError("not_found", "This image is no longer stored.", { field: "media" });
  return NextResponse.json(overlay);
});
