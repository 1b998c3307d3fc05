import { getServerState } from "@/lib/bootstrap/server-state";
import { getDb } from "@/lib/db";

export type Readiness = { ready: boolean; checks: Record<string, { ok: boolean; detail?: string }> };

// Readiness: start-up finished and the database answers. Further subsystems (models) add checks here.
export async function checkReadiness(): Promise<Readiness> {
  const state = getServerState();
  const checks: Readiness["checks"] = { bootstrap: { ok: state.bootstrapped, detail: state.error } };
  try {
    await getDb().application.count();
    checks.database = { ok: true };
  } catch (error) {
    checks.database = { ok: false, detail: error instanceof Error ? error.message.split("\n")[0] : "unreachable" };
  }
  return { ready: Object.values(checks).every((c) => c.ok), checks };
}
