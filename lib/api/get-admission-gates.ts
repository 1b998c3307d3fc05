import { createFairSlots, type FairSlots } from "@/lib/api/fair-slots";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getMetrics } from "@/lib/metrics/get-metrics";

// counted as shed (faceid_shed_requests_total) when made: every caller throws it at once
export const atCapacity = (what: string, gate: "checks" | "uploads") => {
  getMetrics().shed.inc({ gate });
  return new AppError("service_unavailable", `The server is at capacity (${what}); retry in a moment.`, { headers: { "Retry-After": "1" } });
};

export type AdmissionGates = {
  /** request bodies being received for the checks (API uploads and capture frames) */
  uploads: FairSlots;
  /** face checks running (after their body is in) */
  checks: FairSlots;
  /** capture sessions with a frames submission in progress (one at a time per session) */
  captureSessions: Set<string>;
};

// One set of gates per process. Anchored on globalThis: Next.js bundles routes into separate chunks
// that may each evaluate this module, and a limit counted per chunk would not be a limit.
const KEY = Symbol.for("faceid.api.admissionGates");
const holder = globalThis as typeof globalThis & { [KEY]?: AdmissionGates };

// Checks: MAX_CONCURRENT_CHECKS in all; one application may use all of them while alone, but only
// MAX_CHECKS_PER_APPLICATION (half) while another waits, and those below their share wait up to
// CHECK_QUEUE_WAIT_MS. Uploads: MAX_CONCURRENT_UPLOADS (twice the checks) bodies at once, at most
// MAX_UPLOADS_PER_APPLICATION (half) for one application, so slow senders of one tenant cannot hold
// every upload slot; refused at once when full. Memory is bounded by (uploads + checks + waiting) x
// the body cap.
export function getAdmissionGates(): AdmissionGates {
  if (holder[KEY]) return holder[KEY];
  const env = getEnv();
  const checks = env.MAX_CONCURRENT_CHECKS;
  const uploads = env.MAX_CONCURRENT_UPLOADS ?? checks * 2;
  const uploadsPerApp = env.MAX_UPLOADS_PER_APPLICATION ?? Math.ceil(uploads / 2);
  holder[KEY] = {
    checks: createFairSlots({ capacity: checks, share: env.MAX_CHECKS_PER_APPLICATION ?? Math.ceil(checks / 2), waitMs: env.CHECK_QUEUE_WAIT_MS }),
    uploads: createFairSlots({ capacity: uploads, share: uploadsPerApp, tenantMax: uploadsPerApp }),
    captureSessions: new Set(),
  };
  return holder[KEY];
}

