import { api, CaptureClient, imageBytes, tokenOf, workflowIdByLabel, type Api } from "./sessions";

// A re-authentication the way a phone does it (start, passive selfie, outcome): with a cautious review
// band it lands In Review with the reasons a real capture gives.
export async function reauthSession(a: Api, input: { vendorData: string; selfie: string; ip: string; portrait?: string }) {
  const workflowId = await workflowIdByLabel(a, "Selfie re-auth");
  const created = await api(a, "POST", "/v3/session/", { workflow_id: workflowId, workflow_type: "biometric_authentication", vendor_data: input.vendorData, ...(input.portrait ? { portrait_image: imageBytes(input.portrait).toString("base64") } : {}) });
  if (created.status !== 201) throw new Error(`session not created: ${JSON.stringify(created.body)}`);
  const phone = new CaptureClient(a.url, tokenOf(created.body.url), { "x-forwarded-for": input.ip });
  const started = await phone.start();
  const done = await phone.captureLive(started.body.step.challenge.id, input.selfie);
  return { id: created.body.session_id as string, status: done.body.state.status as string };
}
