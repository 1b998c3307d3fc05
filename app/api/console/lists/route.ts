import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { listFaceLists } from "@/lib/console/list-area-rows";
import { createFaceListSchema } from "@/lib/console/schemas";
import { getDb } from "@/lib/db";
import { createFaceList } from "@/lib/lists/create-face-list";

// GET /api/console/lists – the application's face blocklists and allowlists with entry counts
export const GET = withConsoleSession("viewer", async () => {
  const app = await getConsoleApplication();
  const lists = await listFaceLists(getDb(), app.id);
  return NextResponse.json({ data: lists.map((l) => ({ id: l.id, name: l.name, kind: l.kind, isSystem: l.isSystem, entries: l._count.entries })) });
});

// POST /api/console/lists – create a blocklist or allowlist {name, kind} (admin, audited)
export const POST = withConsoleSession("admin", async (req, user) => {
  const body = await parseJsonBody(req, createFaceListSchema);
  const app = await getConsoleApplication();
  return NextResponse.json(await createFaceList(getDb(), { applicationId: app.id, ...body, actor: { type: "user", id: user.id, label: user.email } }), { status: 201 });
});
