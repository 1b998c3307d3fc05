import { api, CaptureClient, imageBytes, tokenOf, workflowIdByLabel, type Api } from "./sessions";

// A re-authentication the way a phone does it: create (optionally with a portrait), start, a live
// passive selfie of a dataset face, outcome.
export async function reauth(a: Api, input: { vendorData: string; selfie: string; ip: string; portrait?: string }) {
  const workflowId = await workflowIdByLabel(a, "Selfie re-auth");
  const portrait = input.portrait ? { portrait_image: imageBytes(input.portrait).toString("base64") } : {};
  const created = await api(a, "POST", "/v3/session/", { workflow_id: workflowId, workflow_type: "biometric_authentication", vendor_data: input.vendorData, ...portrait });
  if (created.status !== 201) throw new Error(`session not created: ${JSON.stringify(created.body)}`);
  const phone = new CaptureClient(a.url, tokenOf(created.body.url), { "x-forwarded-for": input.ip });
  const started = await phone.start();
  const done = await phone.captureLive(started.body.step.challenge.id, input.selfie);
  return { id: created.body.session_id as string, number: created.body.session_number as number, url: created.body.url as string, status: done.body.state.status as string };
}

export async function consoleCall(baseUrl: string, cookie: string, method: string, path: string, json?: unknown) {
  const res = await fetch(`${baseUrl}${path}`, { method, headers: { cookie, origin: baseUrl, ...(json ? { "content-type": "application/json" } : {}) }, body: json ? JSON.stringify(json) : undefined });
  return { status: res.status, body: await res.json().catch(() => null) };
}

// alice enrolled with a portrait and approved, then the review band widened so her next re-auth from a
// new phone and network lands In Review: a real case, driven through the capture endpoints.
export async function createReviewCase(a: Api, adminCookie: string) {
  const enrol = await reauth(a, { vendorData: "alice", portrait: "images/deepface-01/1.jpg", selfie: "images/deepface-01/2.jpg", ip: "203.0.113.10" });
  if (enrol.status !== "Approved") throw new Error(`enrolment ended ${enrol.status}`);
  const widen = await consoleCall(a.url, adminCookie, "PATCH", "/api/console/thresholds", { faceMatchReviewThreshold: 100, faceMatchDeclineThreshold: 0, livenessReviewThreshold: 50, livenessDeclineThreshold: 50 });
  if (widen.status !== 200) throw new Error(`thresholds not set: ${JSON.stringify(widen.body)}`);
  const inReview = await reauth(a, { vendorData: "alice", selfie: "images/deepface-01/3.jpg", ip: "203.0.113.20" });
  if (inReview.status !== "In Review") throw new Error(`the case ended ${inReview.status}`);
  return { enrol, case: inReview };
}
