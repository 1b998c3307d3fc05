import { NextResponse } from "next/server";
import { z } from "zod";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getWorkflowPerformance } from "@/lib/performance/get-workflow-performance";

const query = z.object({ version: z.coerce.number().int().positive().optional() });

// GET /api/console/workflows/{id}/performance – outcomes per version, step and A/B branch (?version=n)
export const GET = withConsoleSession("viewer", async (req, _user, route) => {
  const { id } = (await route.params) as { id: string };
  const parsed = query.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) throw new AppError("validation_error", "version must be a positive whole number.", { field: "version" });
  const app = await getConsoleApplication();
  return NextResponse.json(await getWorkflowPerformance(getDb(), { applicationId: app.id, workflowId: id, version: parsed.data.version }));
});
