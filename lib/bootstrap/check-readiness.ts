import { getServerState, isDraining } from "@/lib/bootstrap/server-state";
import { readKeyCheck } from "@/lib/crypto/key-check";
import { getDb } from "@/lib/db";
import { getVisionStatus, loadVisionModels } from "@/lib/vision";

export type Readiness = { ready: boolean; checks: Record<string, { ok: boolean; detail?: string }> };

// Readiness: start-up finished, the database answers, the configured encryption keys open the stored
// data (another instance may have finished a rotation this one's keys predate) and the face models are
// loaded. A draining instance (SIGTERM received) is not ready, whatever else holds.
export async function checkReadiness(): Promise<Readiness> {
  const state = getServerState();
  if (isDraining()) return { ready: false, checks: { shutdown: { ok: false, detail: "shutting down: finishing the work in flight" } } };
  const checks: Readiness["checks"] = { bootstrap: { ok: state.bootstrapped, detail: state.error } };
  try {
    await getDb().application.count();
    checks.database = { ok: true };
    const keyCheck = await readKeyCheck(getDb());
    checks.encryption = !keyCheck
      ? { ok: false, detail: "the key check is not written yet" }
      : keyCheck.opens
        ? { ok: true, detail: `key ${keyCheck.keyId}` }
        : { ok: false, detail: keyCheck.reason };
  } catch (error) {
    checks.database = { ok: false, detail: error instanceof Error ? error.message.split("\n")[0] : "unreachable" };
  }
  const vision = getVisionStatus();
  if (!vision.ready) await loadVisionModels().catch(() => undefined);
  const visionNow = getVisionStatus();
  checks.models = { ok: visionNow.ready, detail: visionNow.ready ? `${visionNow.loaded.length} models, recogniser ${visionNow.recogniser}` : (visionNow.error ?? "loading") };
  return { ready: Object.values(checks).every((c) => c.ok), checks };
}
