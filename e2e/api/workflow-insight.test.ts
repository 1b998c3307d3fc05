import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { splitBucket } from "@/lib/workflows/pick-split-branch";
import { abLivenessGraph } from "@/lib/workflows/test-graphs";
import { loginConsole } from "../support/console-login";
import { datasetsPresent, warnIfDatasetsMissing } from "../support/datasets";
import { api, CaptureClient, tokenOf, type Api } from "../support/sessions";
import { dbProviders, startTestServer, type TestServer } from "../support/test-server";

warnIfDatasetsMissing("workflow insight");

// An A/B workflow whose branch b has its own liveness review threshold of 100: every session there is
// In Review although its path ends at Approved. Sessions go through the capture endpoints with a
// dataset face and the real models; the decision says what decided each one, the performance endpoint
// counts the branches, and the tuning what-if reproduces the real outcomes.
describe.skipIf(!datasetsPresent).each(dbProviders)("workflow performance, decided_by and tuning (%s)", (provider) => {
  let server: TestServer;
  let a: Api;
  let cookie: string;
  let workflowId: string;
  const decisions: { id: string; branch: "a" | "b"; body: Record<string, unknown> }[] = [];
  const graph = abLivenessGraph();
  const consoleCall = async (method: string, path: string, json?: unknown) => {
    const res = await fetch(`${server.url}${path}`, { method, headers: { cookie, ...(json ? { "content-type": "application/json" } : {}) }, body: json ? JSON.stringify(json) : undefined });
    return { status: res.status, body: await res.json().catch(() => null) };
  };

  beforeAll(async () => {
    server = await startTestServer({ provider, env: { SEED_API_KEY: "wi-key-0123456789abcdefgh", ADMIN_EMAIL: "wi-admin@example.test", ADMIN_PASSWORD: "admin-password-1", TRUSTED_PROXIES: "127.0.0.1" } });
    a = { url: server.url, key: "wi-key-0123456789abcdefgh" };
    cookie = (await loginConsole(server.url, "wi-admin@example.test", "admin-password-1"))!;
    const created = await api(a, "POST", "/v3/workflows/", { workflow_label: "Liveness A/B", graph });
    expect(created.status).toBe(201);
    workflowId = created.body.workflow_id;
    // sessions until each branch has two (the branch is a stable hash of the session id)
    for (let i = 0; i < 16 && (decisions.filter((d) => d.branch === "a").length < 2 || decisions.filter((d) => d.branch === "b").length < 2); i++) {
      const s = await api(a, "POST", "/v3/session/", { workflow_id: workflowId });
      const phone = new CaptureClient(server.url, tokenOf(s.body.url), { "x-forwarded-for": `203.0.113.${20 + i}` });
      const started = await phone.start();
      await phone.captureLive(started.body.step.challenge.id, "images/deepface-01/2.jpg");
      const decision = (await api(a, "GET", `/v3/session/${s.body.session_id}/decision/`)).body;
      decisions.push({ id: s.body.session_id, branch: splitBucket(s.body.session_id, "ab") < 50 ? "a" : "b", body: decision });
    }
  });
  afterAll(async () => server?.stop());

  it("returns what decided each session in the decision", () => {
    for (const d of decisions) {
      if (d.branch === "a") {
        expect(d.body).toMatchObject({ status: "Approved", path_taken: ["start", "ab", "la", "ok"], decided_by: { rule: "end_node", nodeId: "ok", status: "Approved" } });
      } else {
        expect(d.body).toMatchObject({
          status: "In Review",
          path_taken: ["start", "ab", "lb", "ok"],
          decided_by: { rule: "check_threshold", nodeId: "lb", check: "LIVENESS", kind: "review", threshold: 100, source: "workflow", pathEnd: { nodeId: "ok", status: "Approved" } },
        });
        expect((d.body.decided_by as { score: number }).score).toBe((d.body.liveness as { score: number }).score);
      }
    }
  });

  it("counts sessions and outcomes per A/B branch and per step", async () => {
    const { status, body } = await consoleCall("GET", `/api/console/workflows/${workflowId}/performance`);
    expect(status).toBe(200);
    const inA = decisions.filter((d) => d.branch === "a").length;
    const inB = decisions.length - inA;
    expect(body.overall).toMatchObject({ sessions: decisions.length, decided: decisions.length, approved: inA, review: inB, declined: 0 });
    expect(body.versions).toEqual([expect.objectContaining({ version: 1, sessions: decisions.length })]);
    const [split] = body.splits;
    expect(split.branches.map((b: { branchId: string; sessions: number; approved: number; review: number }) => [b.branchId, b.sessions, b.approved, b.review])).toEqual([["a", inA, inA, 0], ["b", inB, 0, inB]]);
    expect(split.comparisons[0]).toMatchObject({ verdict: "not_enough_data" });
    expect(body.steps).toEqual([expect.objectContaining({ nodeId: "la", reached: inA, dropped: 0, retries: 0 }), expect.objectContaining({ nodeId: "lb", reached: inB, dropped: 0 })]);
    expect((await consoleCall("GET", `/api/console/workflows/${workflowId}/performance?version=x`)).body.error).toMatchObject({ code: "validation_error", field: "version" });
  });

  it("predicts the real outcomes in the tuning what-if, whatever the application defaults", async () => {
    const inB = decisions.filter((d) => d.branch === "b").length;
    const real = { approved: decisions.length - inB, review: inB, declined: 0 };
    const saved = await consoleCall("GET", "/api/console/tuning/what-if");
    expect(saved.body).toMatchObject({ sessions: real, liveness: real, checks_under_workflow_thresholds: decisions.length });
    // the defaults do not judge these checks: their workflow steps set both thresholds
    expect((await consoleCall("GET", "/api/console/tuning/what-if?lv_review=0&lv_decline=0")).body.sessions).toEqual(real);
    expect((await consoleCall("GET", "/api/console/tuning/what-if?lv_review=101")).status).toBe(400);
  });

  it("saves a workflow override from the tuning page as a new draft", async () => {
    const bad = await consoleCall("POST", "/api/console/tuning/workflow-thresholds", { workflow_id: workflowId, node_id: "lb", review_threshold: 40, decline_threshold: 60 });
    expect(bad.status).toBe(400);
    expect((await consoleCall("POST", "/api/console/tuning/workflow-thresholds", { workflow_id: workflowId, node_id: "ab", review_threshold: 40, decline_threshold: null })).status).toBe(409);
    const saved = await consoleCall("POST", "/api/console/tuning/workflow-thresholds", { workflow_id: workflowId, node_id: "lb", review_threshold: 60, decline_threshold: null });
    expect(saved).toMatchObject({ status: 200, body: { builder_url: `/workflows/${workflowId}`, issues: [] } });
    const editor = (await consoleCall("GET", `/api/console/workflows/${workflowId}`)).body;
    const lb = editor.draft.nodes.find((n: { id: string }) => n.id === "lb");
    expect(lb.config).toMatchObject({ review_threshold: 60 });
    expect(lb.config.decline_threshold).toBeUndefined();
    // still only version 1 published: the change waits in the draft
    expect(editor.published_version).toBe(1);
  });
});
