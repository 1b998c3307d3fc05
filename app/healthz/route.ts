import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

// GET /healthz – the process is up (liveness probe)
export function GET() {
  return NextResponse.json({ status: "ok" });
}
