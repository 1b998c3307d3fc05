import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { PrismaClient } from "@/lib/generated/sqlite/client";
import { makeGraph } from "@/lib/workflows/test-graphs";
import { loginConsole } from "../support/console-login";
import { datasetsPresent, warnIfDatasetsMissing } from "../support/datasets";
import { api, CaptureClient, tokenOf, type Api } from "../support/sessions";
import { dbProviders, startTestServer, type DbProvider, type TestServer } from "../support/test-server";

warnIfDatasetsMissing("workflow simulate and publish");

function openDb(provider: DbProvider, databaseUrl: string): Db {
  if (provider === "postgresql") return new PostgresClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) }) as unknown as Db;
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: path.resolve(databaseUrl.replace(/^file:/, "")), timeout: 10_000 }) });
}

const live = { face_liveness_method: "PASSIVE", max_attempts: 1, decline_threshold: 30, review_threshold: 30 };
const nodes = (approveHigh: boolean): [string, string, Record<string, unknown>?][] => [
  ["start", "start"], ["dev", "DEVICE_CHECK", { review_new_device: false }], ["live", "LIVENESS", live],
  ["cond", "CONDITION", { signal: "score_range", feature: "LIVENESS", min: 80 }], [approveHigh ? "ok" : "review", "END_APPROVED"], [approveHigh ? "review" : "ok", "END_IN_REVIEW"],
];
const edges: [string, string, string?][] = [["start", "dev"], ["dev", "live"], ["live", "cond"], ["cond", "ok", "true"], ["cond", "review", "false"]];
const liveGraph = makeGraph(nodes(true), edges);
// the same shape with the outcomes swapped: high scores to review, low ones approved
const swappedGraph = makeGraph(nodes(false), edges);
// the inverted device branch: known devices to review, new devices approved
const invertedDeviceGraph = makeGraph(
  [["start", "start"], ["live", "LIVENESS", live], ["cond", "CONDITION", { signal: "known_device" }], ["review", "END_IN_REVIEW"], ["ok", "END_APPROVED"]],
  [["start", "live"], ["live", "cond"], ["cond", "review", "true"], ["cond", "ok", "false"]],
);

// Simulation, replay, publishing and gradual rollout against the real server on SQLite and PostgreSQL:
// real sessions are captured with dataset faces, then replayed through the same engine.
describe.skipIf(!datasetsPresent).each(dbProviders)("workflow simulate, publish and rollout (%s)", (provider) => {
  let server: TestServer;
  let db: Db;
  let a: Api;
  let cookie: string;
  let workflowId: string;
  const decisions: { session_id: string; status: string; path_taken: string[] }[] = [];

  const consoleCall = async (method: string, p: string, json?: unknown) => {
    const res = await fetch(`${server.url}${p}`, { method, headers: { cookie, origin: server.url, ...(json ? { "content-type": "application/json" } : {}) }, body: json ? JSON.stringify(json) : undefined });
    return { status: res.status, body: await res.json().catch(() => null) };
  };
  const versionsOf = async (count: number) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push((await api(a, "POST", "/v3/session/", { workflow_id: workflowId })).body.session_id);
    const rows = await db.verificationSession.findMany({ where: { id: { in: ids } }, select: { workflowVersion: { select: { version: true } } } });
    return rows.map((r) => r.workflowVersion!.version);
  };

  beforeAll(async () => {
    server = await startTestServer({ provider, env: { SEED_API_KEY: "wfp-key-0123456789abcdefgh", ADMIN_EMAIL: "wfp-admin@example.test", ADMIN_PASSWORD: "admin-password-1", TRUSTED_PROXIES: "127.0.0.1" } });
    a = { url: server.url, key: "wfp-key-0123456789abcdefgh" };
    db = openDb(provider, server.databaseUrl);
    cookie = (await loginConsole(server.url, "wfp-admin@example.test", "admin-password-1"))!;
    const created = await api(a, "POST", "/v3/workflows/", { workflow_label: "Replay me", graph: liveGraph });
    expect(created.status).toBe(201);
    workflowId = created.body.workflow_id;
    for (const [selfie, ip] of [["images/deepface-01/2.jpg", "203.0.113.21"], ["images/deepface-01/4.jpg", "203.0.113.22"]]) {
      const s = await api(a, "POST", "/v3/session/", { workflow_id: workflowId });
      const client = new CaptureClient(server.url, tokenOf(s.body.url), { "x-forwarded-for": ip });
      const started = await client.start();
      await client.captureLive(started.body.step.challenge.id, selfie);
      decisions.push((await api(a, "GET", `/v3/session/${s.body.session_id}/decision/`)).body);
    }
  });
  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
  });

  it("replays real sessions: the live version reproduces their outcome and path exactly", async () => {
    expect(decisions.map((d) => d.status).sort()).toEqual(["Approved", "In Review"]);
    const same = await consoleCall("POST", `/api/console/workflows/${workflowId}/simulate`, { graph: liveGraph, replay: {} });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ live_version: 1, replayed: 2, reproduced: 2, unknown: 0, changed: [] });

    const swapped = await consoleCall("POST", `/api/console/workflows/${workflowId}/simulate`, { graph: swappedGraph, replay: { limit: 500 } });
    expect(swapped.body).toMatchObject({ replayed: 2, reproduced: 2 });
    expect(swapped.body.changed).toHaveLength(2);
    for (const d of decisions) {
      const row = swapped.body.changed.find((c: { session_id: string }) => c.session_id === d.session_id);
      expect(row.recorded).toEqual({ status: d.status, path_taken: d.path_taken });
      expect(row.live).toMatchObject({ status: d.status, path_taken: d.path_taken });
      expect(row.draft.status).toBe(d.status === "Approved" ? "In Review" : "Approved");
    }
    // nothing was created by simulating
    expect(await db.verificationSession.count({ where: { workflowId } })).toBe(2);
  });

  it("simulates sample inputs and answers bad input with clear errors", async () => {
    const url = `/api/console/workflows/${workflowId}/simulate`;
    const res = await consoleCall("POST", url, { graph: liveGraph, inputs: [{ liveness_score: 92 }, { liveness_score: 55 }, { liveness_score: 10 }, {}] });
    expect(res.status).toBe(200);
    expect(res.body.runs.map((r: { status: string | null }) => r.status)).toEqual(["Approved", "In Review", "Declined", null]);
    expect(res.body.runs[0].path_taken).toEqual(["start", "dev", "live", "cond", "ok"]);
    expect(res.body.runs[3].unknown).toEqual({ node_id: "live", feature: "LIVENESS" });
    expect((await consoleCall("POST", url, { inputs: [{ liveness_score: 150 }] })).status).toBe(400);
    expect((await consoleCall("POST", url, { inputs: [{}], replay: {} })).body.error.message).toMatch(/exactly one/);
    const broken = await consoleCall("POST", url, { graph: makeGraph([["start", "start"]], []), inputs: [{}] });
    expect(broken.status).toBe(422);
    expect(broken.body.errors.length).toBeGreaterThan(0);
    expect((await fetch(`${server.url}${url}`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).status).toBe(401);
    // reviewers work cases; trying and publishing workflows is for the builder's admins
    expect((await consoleCall("POST", "/api/console/users", { email: "wfp-reviewer@example.test", password: "reviewer-password-1", role: "reviewer" })).status).toBe(201);
    const reviewer = (await loginConsole(server.url, "wfp-reviewer@example.test", "reviewer-password-1"))!;
    for (const p of [url, `/api/console/workflows/${workflowId}/publish`, `/api/console/workflows/${workflowId}/rollout`]) {
      const res = await fetch(`${server.url}${p}`, { method: "POST", headers: { cookie: reviewer, "content-type": "application/json" }, body: JSON.stringify({ inputs: [{}], note: "x", action: "rollback" }) });
      expect(res.status).toBe(403);
    }
  });

  it("publishes with a required note, refuses an unchanged graph and unacknowledged warnings", async () => {
    const url = `/api/console/workflows/${workflowId}/publish`;
    expect((await consoleCall("POST", url, { graph: swappedGraph })).status).toBe(400);
    const noop = await consoleCall("POST", url, { graph: { ...liveGraph, nodes: liveGraph.nodes.map((n) => ({ ...n, position: { x: 500, y: n.position.y } })) }, note: "moved nodes" });
    expect(noop.status).toBe(409);
    expect(noop.body.error.message).toMatch(/Nothing changed since version 1/);
    const risky = await consoleCall("POST", url, { graph: invertedDeviceGraph, note: "new devices first" });
    expect(risky.status).toBe(422);
    expect(risky.body.error).toMatchObject({ field: "acknowledge_warnings" });
    expect(risky.body.error.message).toMatch(/1 warning\(s\): A new device can be approved while a known device is treated more strictly/);
    const published = await consoleCall("POST", url, { graph: invertedDeviceGraph, note: "Trial: new devices first", acknowledge_warnings: true });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ version: 2, note: "Trial: new devices first", rollout_percent: null });
    const state = (await consoleCall("GET", `/api/console/workflows/${workflowId}`)).body;
    expect(state.versions.map((v: { version: number; note: string | null }) => [v.version, v.note])).toEqual([[2, "Trial: new devices first"], [1, "Published via API"]]);
    const audit = await db.auditLog.findFirst({ where: { targetId: workflowId, action: "workflow.published" }, orderBy: { createdAt: "desc" } });
    expect(audit?.details).toMatchObject({ version: 2, note: "Trial: new devices first", acknowledgedWarnings: ["new_device_more_lenient"] });
    expect((await versionsOf(3)).every((v) => v === 2)).toBe(true);
  });

  it("rolls a version out to part of the new sessions, then rolls back or promotes it", async () => {
    const publish = await consoleCall("POST", `/api/console/workflows/${workflowId}/publish`, { graph: liveGraph, note: "Back to the original, gradually", rollout_percent: 50 });
    expect(publish.status).toBe(201);
    expect(publish.body).toMatchObject({ version: 3, rollout_percent: 50 });
    expect((await consoleCall("GET", `/api/console/workflows/${workflowId}`)).body).toMatchObject({ published_version: 2, rollout: { version: 3, percent: 50 } });
    const split = await versionsOf(40);
    // binomial(40, 0.5): fewer than 8 on either side has a probability below 1e-4
    expect(split.filter((v) => v === 3).length).toBeGreaterThanOrEqual(8);
    expect(split.filter((v) => v === 2).length).toBeGreaterThanOrEqual(8);

    expect((await consoleCall("POST", `/api/console/workflows/${workflowId}/rollout`, { action: "rollback" })).body).toMatchObject({ live_version: 2, rollout: null });
    expect((await versionsOf(10)).every((v) => v === 2)).toBe(true);
    expect((await consoleCall("POST", `/api/console/workflows/${workflowId}/rollout`, { action: "rollback" })).status).toBe(409);

    expect((await consoleCall("POST", `/api/console/workflows/${workflowId}/publish`, { graph: liveGraph, note: "Again, to 20%", rollout_percent: 20 })).body.version).toBe(4);
    expect((await consoleCall("POST", `/api/console/workflows/${workflowId}/rollout`, { action: "promote" })).body).toMatchObject({ live_version: 4 });
    expect((await versionsOf(5)).every((v) => v === 4)).toBe(true);
    const audit = await db.auditLog.findMany({ where: { targetId: workflowId, action: { startsWith: "workflow.rollout" } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((r) => r.action)).toEqual(["workflow.rollout_started", "workflow.rollout_rolled_back", "workflow.rollout_started", "workflow.rollout_promoted"]);
  });

  it("applies the same rules to publishing through the /v3 API", async () => {
    const unchanged = await api(a, "PATCH", `/v3/workflows/${workflowId}/`, { graph: liveGraph });
    expect(unchanged.status).toBe(409);
    expect(unchanged.body.error.message).toMatch(/Nothing changed since version 4/);
    expect((await api(a, "PATCH", `/v3/workflows/${workflowId}/`, { graph: swappedGraph })).body.version).toBe(5);
    expect((await api(a, "PATCH", `/v3/workflows/${workflowId}/`, { graph: liveGraph, note: "Restored by the deploy script" })).body.version).toBe(6);
    const notes = await db.workflowVersion.findMany({ where: { workflowId, version: { in: [5, 6] } }, orderBy: { version: "asc" }, select: { note: true } });
    expect(notes.map((n) => n.note)).toEqual(["Published via API", "Restored by the deploy script"]);
  });
});
