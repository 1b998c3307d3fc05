import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { createApiKey, listApiKeys } from "@/lib/auth/api-keys";
import { createApiKeySchema } from "@/lib/auth/schemas";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { recordAudit } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db";

// GET /api/console/api-keys – keys of the console's application (never the secrets)
export const GET = withConsoleSession("admin", async () => {
  const app = await getConsoleApplication();
  return NextResponse.json({ data: await listApiKeys(getDb(), app.id) });
});

// POST /api/console/api-keys – create a key; the plaintext is in this response only
export const POST = withConsoleSession("admin", async (req, user) => {
  const body = await parseJsonBody(req, createApiKeySchema);
  const app = await getConsoleApplication();
  const db = getDb();
  const created = await db.$transaction(async (tx) => {
    const key = await createApiKey(tx, { applicationId: app.id, name: body.name, createdById: user.id });
    await recordAudit(tx, { actor: { type: "user", id: user.id, label: user.email }, applicationId: app.id, action: "api_key.created", targetType: "api_key", targetId: key.id, details: { name: body.name, keyId: key.keyId } });
    return key;
  });
  return NextResponse.json({ id: created.id, keyId: created.keyId, name: body.name, key: created.key }, { status: 201 });
});
