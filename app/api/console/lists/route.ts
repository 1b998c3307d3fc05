import { NextResponse } from "next/server";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { listFaceLists } from "@/lib/console/list-area-rows";
import { getDb } from "@/lib/db";

// GET /api/console/lists – the application's face blocklists and allowlists with entry counts
export const GET = withConsoleSession("viewer", async () => {
  const app = await getConsoleApplication();
  const lists = await listFaceLists(getDb(), app.id);
  return NextResponse.json({ data: lists.map((l) => ({ id: l.id, name: l.name, kind: l.kind, isSystem: l.isSystem, entries: l._count.entries })) });
});
