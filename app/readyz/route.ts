import { NextResponse } from "next/server";
import { checkReadiness } from "@/lib/bootstrap/check-readiness";

export const dynamic = "force-dynamic";

// GET /readyz – ready to serve: database reachable, start-up done (readiness probe)
export async function GET() {
  const readiness = await checkReadiness();
  return NextResponse.json({ status: readiness.ready ? "ready" : "not_ready", checks: readiness.checks }, { status: readiness.ready ? 200 : 503 });
}
