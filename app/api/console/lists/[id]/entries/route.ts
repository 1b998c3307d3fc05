import { NextResponse } from "next/server";
import { readMultipartForm } from "@/lib/api/read-multipart-form";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getFileField, getTextField } from "@/lib/checks/form-fields";
import { AppError } from "@/lib/errors";
import { addFaceToList } from "@/lib/lists/add-face-to-list";

// POST /api/console/lists/{id}/entries – add a face to a blocklist/allowlist by upload (multipart: image, label)
export const POST = withConsoleSession("admin", async (req, user, route) => {
  const { id } = (await route.params) as { id: string };
  const form = await readMultipartForm(req, 6 * 1024 * 1024);
  const image = await getFileField(form, ["image"]);
  if (!image) throw new AppError("validation_error", "image is required.", { field: "image" });
  const app = await getConsoleApplication();
  const entry = await addFaceToList({ applicationId: app.id, listId: id, bytes: image.bytes, label: getTextField(form, "label", 200), actor: { type: "user", id: user.id, label: user.email } });
  return NextResponse.json(entry, { status: 201 });
});
