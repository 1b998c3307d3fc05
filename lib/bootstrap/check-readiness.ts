import { getServerState } from "@/lib/bootstrap/server-state";
import { getDb } from "@/lib/db";
import { getVisionStatus, loadVisionModels } from "@/lib/vision";

export type Readiness = { ready: boolean; checks: Record<string, { ok: boolean; detail?: string }> };

// Readiness: start-up finished, the database answers and the face models are loaded.
export async function checkReadiness(): Promise<Readiness> {
  const state = getServerState();
  const checks: Readiness["checks"] = { bootstrap: { ok: state.bootstrapped, detail: state.error } };
  try {
    await getDb().application.count();
    checks.database = { ok: true };
  } catch (error) {
    checks.database = { ok: false, detail: error instanceof Error ? error.message.split("\n")[0] : "unreachable" };
  }
  const vision = getVisionStatus();
  if (!vision.ready) await loadVisionModels().catch(() => undefined);
  const visionNow = getVisionStatus();
  checks.models = { ok: visionNow.ready, detail: visionNow.ready ? `${visionNow.loaded.length} models, recogniser ${visionNow.recogniser}` : (visionNow.error ?? "loading") };
  return { ready: Object.values(checks).every((c) => c.ok), checks };
}
