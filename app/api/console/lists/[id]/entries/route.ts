import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { parseMediaType } from "@/lib/api/parse-media-type";
import { readMultipartForm } from "@/lib/api/read-multipart-form";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getFileField, getTextField } from "@/lib/checks/form-fields";
import { addSessionFaceSchema } from "@/lib/console/schemas";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { addFaceToList } from "@/lib/lists/add-face-to-list";
import { addSessionFaceToList } from "@/lib/lists/add-session-face-to-list";

// POST /api/console/lists/{id}/entries – add a face to a blocklist/allowlist (admin): multipart {image, label}
// for an upload, or JSON {sessionId, label?} for the selfie of one of the application's sessions
export const POST = withConsoleSession("admin", async (req, user, route) => {
  const { id } = (await route.params) as { id: string };
  const app = await getConsoleApplication();
  const actor = { type: "user" as const, id: user.id, label: user.email };
  if (parseMediaType(req.headers.get("content-type")) === "application/json") {
    const body = await parseJsonBody(req, addSessionFaceSchema);
    return NextResponse.json(await addSessionFaceToList(getDb(), { applicationId: app.id, listId: id, sessionId: body.sessionId, label: body.label, actor }), { status: 201 });
  }
  const form = await readMultipartForm(req, 6 * 1024 * 1024);
  const image = getFileField(form, ["image"]);
  if (!image) throw new AppError("validation_error", "image is required.", { field: "image" });
  const entry = await addFaceToList({ applicationId: app.id, listId: id, bytes: image.bytes, label: getTextField(form, "label", 200), actor });
  return NextResponse.json(entry, { status: 201 });
}, { accepts: ["application/json", "multipart/form-data"] });
