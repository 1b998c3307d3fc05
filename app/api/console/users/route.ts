import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { createConsoleUser } from "@/lib/users/create-console-user";
import { listConsoleUsers } from "@/lib/users/list-console-users";
import { createUserSchema } from "@/lib/users/schemas";

// GET /api/console/users – console users and their roles (admin)
export const GET = withConsoleSession("admin", async () => NextResponse.json({ data: await listConsoleUsers(getDb()) }));

// POST /api/console/users – invite a console user with a role (admin)
export const POST = withConsoleSession("admin", async (req, user) => {
  const body = await parseJsonBody(req, createUserSchema);
  const created = await createConsoleUser(getDb(), { ...body, actor: { type: "user", id: user.id, label: user.email } });
  return NextResponse.json(created, { status: 201 });
});
