import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeGraph } from "@/lib/workflows/test-graphs";
import { loginConsole } from "../support/console-login";
import { datasetsPresent, warnIfDatasetsMissing } from "../support/datasets";
import { api, CaptureClient, tokenOf, type Api } from "../support/sessions";
import { dbProviders, startTestServer, type TestServer } from "../support/test-server";

warnIfDatasetsMissing("workflow runs");

// Sessions run the workflow version they were created with, and the decision records the branch taken.
describe.skipIf(!datasetsPresent).each(dbProviders)("sessions run their pinned workflow (%s)", (provider) => {
  let server: TestServer;
  let a: Api;
  beforeAll(async () => {
    // the test client plays a reverse proxy: X-Forwarded-For gives each session its address
    server = await startTestServer({ provider, env: { SEED_API_KEY: "wf-key-0123456789abcdefgh", ADMIN_EMAIL: "wf-admin@example.test", ADMIN_PASSWORD: "admin-password-1", TRUSTED_PROXIES: "127.0.0.1" } });
    a = { url: server.url, key: "wf-key-0123456789abcdefgh" };
  });
  afterAll(async () => server?.stop());

  async function complete(workflowId: string, selfie: string, ip: string) {
    const s = await api(a, "POST", "/v3/session/", { workflow_id: workflowId });
    const client = new CaptureClient(server.url, tokenOf(s.body.url), { "x-forwarded-for": ip });
    const started = await client.start();
    await client.captureLive(started.body.step.challenge.id, selfie);
    return (await api(a, "GET", `/v3/session/${s.body.session_id}/decision/`)).body;
  }

  it("branches on the liveness score and records the path", async () => {
    const graph = makeGraph(
      [["start", "start"], ["live", "LIVENESS", { face_liveness_method: "PASSIVE", max_attempts: 1, decline_threshold: 30, review_threshold: 30 }], ["cond", "CONDITION", { signal: "score_range", feature: "LIVENESS", min: 80 }], ["ok", "END_APPROVED"], ["review", "END_IN_REVIEW"]],
      [["start", "live"], ["live", "cond"], ["cond", "ok", "true"], ["cond", "review", "false"]],
    );
    const created = await api(a, "POST", "/v3/workflows/", { workflow_label: "Branch on liveness", graph });
    expect(created.status).toBe(201);
    const high = await complete(created.body.workflow_id, "images/deepface-01/2.jpg", "203.0.113.1");
    expect(high.liveness.score).toBeGreaterThanOrEqual(80);
    expect(high).toMatchObject({ status: "Approved", path_taken: ["start", "live", "cond", "ok"] });
    const low = await complete(created.body.workflow_id, "images/deepface-01/4.jpg", "203.0.113.2");
    expect(low.liveness.score).toBeLessThan(80);
    expect(low).toMatchObject({ status: "In Review", path_taken: ["start", "live", "cond", "review"] });
  });

  it("opens an API-created workflow in the builder with the same graph, and runs it", async () => {
    const created = await api(a, "POST", "/v3/workflows/", { workflow_label: "From features", features: [{ feature: "LIVENESS", config: { face_liveness_method: "PASSIVE" } }] });
    const cookie = (await loginConsole(server.url, "wf-admin@example.test", "admin-password-1"))!;
    const editor = await (await fetch(`${server.url}/api/console/workflows/${created.body.workflow_id}`, { headers: { cookie } })).json();
    expect(editor.published_version).toBe(1);
    expect(editor.versions[0].graph).toEqual(created.body.graph);
    expect(editor.draft).toEqual(created.body.graph);
    const decision = await complete(created.body.workflow_id, "images/deepface-01/2.jpg", "203.0.113.5");
    expect(decision.status).toBe("Approved");
    expect(decision.path_taken).toEqual(created.body.graph.nodes.filter((n: { type: string }) => n.type !== "END_IN_REVIEW" && n.type !== "END_DECLINED").map((n: { id: string }) => n.id));
  });

  it("keeps a started session on its version when the workflow is edited", async () => {
    const created = await api(a, "POST", "/v3/workflows/", { workflow_label: "Pinned", features: [{ feature: "LIVENESS", config: { face_liveness_method: "PASSIVE", decline_threshold: 50 } }] });
    const workflowId = created.body.workflow_id;
    const onV1 = await api(a, "POST", "/v3/session/", { workflow_id: workflowId });
    const edited = await api(a, "PATCH", `/v3/workflows/${workflowId}/`, { features: [{ feature: "LIVENESS", config: { face_liveness_method: "PASSIVE", decline_threshold: 100, review_threshold: 100, max_attempts: 1 } }] });
    expect(edited.body.version).toBe(2);

    const client = new CaptureClient(server.url, tokenOf(onV1.body.url), { "x-forwarded-for": "203.0.113.3" });
    const started = await client.start();
    const done = await client.captureLive(started.body.step.challenge.id, "images/deepface-01/2.jpg");
    expect(done.body.state.status).toBe("Approved");

    const onV2 = await complete(workflowId, "images/deepface-01/2.jpg", "203.0.113.4");
    expect(onV2.status).toBe("Declined");
  });
});
