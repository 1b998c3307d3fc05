import { expect } from "@playwright/test";
import type { LivenessMethod } from "@/lib/capture/types";
import { api, type Api } from "./sessions";

/** One workflow per liveness method (one attempt each), optionally followed by a face match against the portrait. */
export async function createLivenessWorkflows(a: Api, options: { faceMatch?: boolean; label?: string } = {}): Promise<Record<LivenessMethod, string>> {
  const ids = {} as Record<LivenessMethod, string>;
  for (const method of ["PASSIVE", "FLASHING", "ACTIVE_3D"] as const) {
    const features = [{ feature: "LIVENESS", config: { face_liveness_method: method, max_attempts: 1 } }, ...(options.faceMatch ? [{ feature: "FACE_MATCH", config: {} }] : [])];
    const res = await api(a, "POST", "/v3/workflows/", { workflow_label: `${options.label ?? "Liveness"} ${method}`, features });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[method] = res.body.workflow_id;
  }
  return ids;
}
