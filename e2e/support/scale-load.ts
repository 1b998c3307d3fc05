import { readFileSync } from "node:fs";
import path from "node:path";
import { facesDir } from "./datasets";
import { api, CaptureClient, tokenOf, type Api } from "./sessions";

// The traffic of the multi-instance test and of bench:scale: face matches and session flows (create,
// capture a live selfie or change the status through the API) as a customer's backend and their end
// users' phones send them through the load balancer. A request that broke because its instance died
// (the proxy's 502) is sent again, as a client with retries does; `retried` records when.
export type Retry = { what: string; at: number };

const pair = { source: readFileSync(path.join(facesDir, "images/deepface-01/1.jpg")), target: readFileSync(path.join(facesDir, "images/deepface-01/2.jpg")) };

export async function faceMatch(a: Api): Promise<{ status: number; ms: number }> {
  const form = new FormData();
  form.append("source_image", new Blob([new Uint8Array(pair.source)], { type: "image/jpeg" }), "a.jpg");
  form.append("target_image", new Blob([new Uint8Array(pair.target)], { type: "image/jpeg" }), "b.jpg");
  const t0 = performance.now();
  const res = await fetch(`${a.url}/v3/face-match/`, { method: "POST", headers: { "x-api-key": a.key }, body: form });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - t0 };
}

/** Sends `call` again while the answer is the proxy's 502 (the instance died with the request). */
export async function withRetry<T extends { status: number }>(what: string, retried: Retry[], call: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    const reply = await call();
    if (reply.status !== 502 || i >= 5) return reply;
    retried.push({ what, at: Date.now() });
    await new Promise((r) => setTimeout(r, 100));
  }
}

export type SessionOutcome = { sessionId: string; vendorData: string; statuses: string[]; errors: string[] };

/** One end user's session: created, then either captured (a live selfie) or declined through the API. */
export async function runSessionFlow(input: { a: Api; workflowId: string; vendorData: string; capture: boolean; retried: Retry[] }): Promise<SessionOutcome> {
  const { a, vendorData, retried } = input;
  const errors: string[] = [];
  const created = await withRetry("create session", retried, () => api(a, "POST", "/v3/session/", { workflow_id: input.workflowId, vendor_data: vendorData }));
  if (created.status !== 201 && created.status !== 200) return { sessionId: "", vendorData, statuses: [], errors: [`create ${created.status}`] };
  const sessionId: string = created.body.session_id;
  const statuses: string[] = [];
  if (!input.capture) {
    const declined = await withRetry("update status", retried, () => api(a, "PATCH", `/v3/session/${sessionId}/update-status/`, { new_status: "Declined", comment: "load" }));
    if (declined.status === 200) statuses.push("Declined");
    else errors.push(`update-status ${declined.status}`);
    return { sessionId, vendorData, statuses, errors };
  }
  const phone = new CaptureClient(a.url, tokenOf(created.body.url));
  let started = await withRetry("start capture", retried, () => phone.start());
  // a start sent again after its instance died may find the session started already
  if (started.status === 409) started = await phone.state();
  if (started.status !== 200 || started.body.step?.type !== "capture") return { sessionId, vendorData, statuses, errors: [`start ${started.status}`] };
  statuses.push("In Progress");
  let challengeId: string = started.body.step.challenge.id;
  for (let attempt = 0; attempt < 5; attempt++) {
    // a burst ticket that broke with its instance throws; it counts as the capture's 502
    const answered = await phone.captureLive(challengeId, "images/deepface-01/2.jpg").catch((error: Error) => ({ status: error.message.includes("bad_gateway") ? 502 : 0, body: error.message }));
    if (answered.status === 200) {
      statuses.push(answered.body.state.status);
      return { sessionId, vendorData, statuses, errors };
    }
    if (answered.status !== 502) return { sessionId, vendorData, statuses, errors: [`frames ${answered.status} ${JSON.stringify(answered.body)}`] };
    // the instance died while checking the frames: reload where the session stands, as the hosted page
    // does, and go on from there (it may have taken the challenge with it: then start again)
    retried.push({ what: "capture", at: Date.now() });
    let state = await withRetry("capture state", retried, () => phone.state());
    if (state.body?.step?.type === "done") {
      statuses.push(state.body.status);
      return { sessionId, vendorData, statuses, errors };
    }
    if (state.body?.step?.type === "start") state = await withRetry("start capture", retried, () => phone.start());
    challengeId = state.body?.step?.challenge?.id ?? challengeId;
  }
  return { sessionId, vendorData, statuses, errors: [...errors, "capture never completed"] };
}
