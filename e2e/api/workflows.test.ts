import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApplication } from "@/lib/applications/create-application";
import { createApiKey } from "@/lib/auth/api-keys";
import type { Db } from "@/lib/db";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { PrismaClient } from "@/lib/generated/sqlite/client";
import { ensureWorkflowTemplates } from "@/lib/workflows/ensure-workflow-templates";
import { dbProviders, startTestServer, type DbProvider, type TestServer } from "../support/test-server";

// A client on the test server's own database: the API cannot create a second application, and the
// foreign-id and template checks need one.
function openDb(provider: DbProvider, databaseUrl: string): Db {
  if (provider === "postgresql") return new PostgresClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) }) as unknown as Db;
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: path.resolve(databaseUrl.replace(/^file:/, "")), timeout: 10_000 }) });
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe.each(dbProviders)("workflows API (%s)", (provider) => {
  let server: TestServer;
  let db: Db;
  let otherApp: { id: string; key: string };
  const key = `wf-${provider}-${Date.now()}`;

  const call = (p: string, init: { method?: string; body?: unknown; apiKey?: string } = {}) =>
    fetch(`${server.url}${p}`, {
      method: init.method ?? "GET",
      redirect: "manual",
      headers: { "x-api-key": init.apiKey ?? key, ...(init.body !== undefined ? { "content-type": "application/json" } : {}) },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
  const create = async (body: unknown) => {
    const res = await call("/v3/workflows/", { method: "POST", body });
    expect(res.status).toBe(201);
    return res.json();
  };

  beforeAll(async () => {
    server = await startTestServer({ provider, env: { SEED_API_KEY: key } });
    db = openDb(provider, server.databaseUrl);
    const app = await createApplication(db, { name: "Other tenant" });
    otherApp = { id: app.id, key: (await createApiKey(db, { applicationId: app.id, name: "other" })).key };
  });
  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
  });

  it("creates a workflow from features and reads back graph and features", async () => {
    const features = [{ feature: "LIVENESS", config: { face_liveness_method: "PASSIVE" } }, { feature: "FACE_MATCH", config: { review_threshold: 70, decline_threshold: 50 } }];
    const created = await create({ workflow_label: "KYC selfie", features });
    expect(created).toMatchObject({ workflow_label: "KYC selfie", workflow_type: "default", is_default: false, version: 1 });
    expect(created.workflow_id).toMatch(uuid);
    expect(created.features).toEqual([
      { feature: "LIVENESS", config: { face_liveness_method: "PASSIVE", max_attempts: 3 } },
      { feature: "FACE_MATCH", config: { review_threshold: 70, decline_threshold: 50, reference: "provided_image" } },
    ]);
    expect(created.graph.nodes.map((n: { type: string }) => n.type)).toEqual(["start", "LIVENESS", "FACE_MATCH", "END_APPROVED"]);
    expect(created.graph.edges).toHaveLength(3);

    const res = await call(`/v3/workflows/${created.workflow_id}/`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(created);
    expect((await call(`/v3/workflows/${created.workflow_id}`)).status).toBe(200);
  });

  it("creates a branched workflow from a graph, with best-effort features", async () => {
    const graph = {
      nodes: [
        { id: "s", type: "start", position: { x: 0, y: 0 } },
        { id: "dev", type: "CONDITION", position: { x: 0, y: 100 }, config: { signal: "known_device" } },
        { id: "live", type: "LIVENESS", position: { x: 0, y: 200 }, config: { face_liveness_method: "ACTIVE_3D" }, label: "3D selfie" },
        { id: "ok", type: "END_APPROVED", position: { x: 0, y: 300 } },
      ],
      edges: [
        { id: "e1", source: "s", target: "dev" },
        { id: "e2", source: "dev", target: "ok", sourceHandle: "true" },
        { id: "e3", source: "dev", target: "live", sourceHandle: "false" },
        { id: "e4", source: "live", target: "ok", sourceHandle: "next" },
      ],
    };
    const created = await create({ workflow_label: "Step-up", workflow_type: "biometric_authentication", graph });
    expect(created.workflow_type).toBe("biometric_authentication");
    expect(created.features).toEqual([{ feature: "LIVENESS", config: { face_liveness_method: "ACTIVE_3D", max_attempts: 3 }, label: "3D selfie" }]);
    expect(created.graph.edges[0]).toEqual({ id: "e1", source: "s", target: "dev", sourceHandle: null });
  });

  it("answers 422 with per-node errors for an invalid graph, 400 for unsupported features", async () => {
    const graph = {
      nodes: [{ id: "s", type: "start" }, { id: "m", type: "FACE_MATCH", config: { review_threshold: 20, decline_threshold: 60 } }, { id: "x", type: "END_DECLINED" }],
      edges: [{ id: "e1", source: "s", target: "m" }, { id: "e2", source: "m", target: "ghost" }],
    };
    const res = await call("/v3/workflows/", { method: "POST", body: { workflow_label: "Broken", graph } });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "unprocessable", message: expect.stringContaining("invalid") });
    expect(body.errors).toEqual(
      expect.arrayContaining([
        { node_id: "m", field: "config.review_threshold", message: expect.any(String) },
        { node_id: "m", edge_id: "e2", message: expect.stringContaining("ghost") },
        { node_id: "x", message: expect.stringContaining("cannot be reached") },
      ]),
    );

    const unsupported = await call("/v3/workflows/", { method: "POST", body: { workflow_label: "KYC", features: [{ feature: "ID_VERIFICATION" }] } });
    expect(unsupported.status).toBe(400);
    expect((await unsupported.json()).error).toMatchObject({ code: "validation_error", field: "features.0.feature", message: expect.stringContaining("not supported") });
  });

  it("PATCH publishes version 2 while version 1 stays retrievable", async () => {
    const created = await create({ workflow_label: "Versioned", features: [{ feature: "LIVENESS" }] });
    const id = created.workflow_id;
    const patched = await call(`/v3/workflows/${id}/`, { method: "PATCH", body: { features: [{ feature: "LIVENESS" }, { feature: "IP_ANALYSIS", config: { blocked_countries: ["ru"] } }] } });
    expect(patched.status).toBe(200);
    const v2 = await patched.json();
    expect(v2.version).toBe(2);
    expect(v2.features.map((f: { feature: string }) => f.feature)).toEqual(["LIVENESS", "IP_ANALYSIS"]);
    expect(v2.features[1].config.blocked_countries).toEqual(["RU"]);

    const v1 = await (await call(`/v3/workflows/${id}/?version=1`)).json();
    expect(v1).toMatchObject({ version: 1, features: created.features, graph: created.graph });
    expect((await call(`/v3/workflows/${id}/?version=3`)).status).toBe(404);
    expect((await call(`/v3/workflows/${id}/?version=abc`)).status).toBe(400);

    const renamed = await (await call(`/v3/workflows/${id}/`, { method: "PATCH", body: { workflow_label: "Renamed" } })).json();
    expect(renamed).toMatchObject({ workflow_label: "Renamed", version: 2, features: v2.features });

    const invalid = await call(`/v3/workflows/${id}/`, { method: "PATCH", body: { graph: { nodes: [], edges: [] } } });
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).errors).toEqual([{ node_id: null, message: "Add a start node" }]);
    expect((await (await call(`/v3/workflows/${id}/`)).json()).version).toBe(2);
  });

  it("moves the default flag, refuses to delete the default, deletes and lists", async () => {
    const a = await create({ workflow_label: "Default A", features: [{ feature: "LIVENESS" }], is_default: true });
    const b = await create({ workflow_label: "Default B", features: [{ feature: "FACE_MATCH" }], is_default: true });
    expect((await (await call(`/v3/workflows/${a.workflow_id}/`)).json()).is_default).toBe(false);

    const refused = await call(`/v3/workflows/${b.workflow_id}/`, { method: "DELETE" });
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.code).toBe("conflict");
    await call(`/v3/workflows/${b.workflow_id}/`, { method: "PATCH", body: { is_default: false } });
    expect((await call(`/v3/workflows/${b.workflow_id}/`, { method: "DELETE" })).status).toBe(204);
    expect((await call(`/v3/workflows/${b.workflow_id}/`)).status).toBe(404);
    expect((await call(`/v3/workflows/${b.workflow_id}/`, { method: "DELETE" })).status).toBe(404);

    const list = await (await call("/v3/workflows/")).json();
    const ids = list.results.map((w: { workflow_id: string }) => w.workflow_id);
    expect(list.count).toBe(ids.length);
    expect(ids).toContain(a.workflow_id);
    expect(ids).not.toContain(b.workflow_id);
  });

  it("answers 404 for foreign and unknown ids, and 405 JSON for unsupported methods", async () => {
    const mine = await create({ workflow_label: "Private", features: [{ feature: "LIVENESS" }] });
    for (const method of ["GET", "PATCH", "DELETE"]) {
      const res = await call(`/v3/workflows/${mine.workflow_id}/`, { method, apiKey: otherApp.key, body: method === "PATCH" ? { workflow_label: "x" } : undefined });
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe("not_found");
    }
    expect((await call(`/v3/workflows/00000000-0000-4000-8000-000000000000/`)).status).toBe(404);
    const listed = await (await call("/v3/workflows/", { apiKey: otherApp.key })).json();
    expect(listed.results.map((w: { workflow_id: string }) => w.workflow_id)).not.toContain(mine.workflow_id);

    const put = await call("/v3/workflows/", { method: "PUT", body: {} });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST");
    expect((await put.json()).error.code).toBe("method_not_allowed");
    expect((await call(`/v3/workflows/${mine.workflow_id}/`, { method: "POST", body: {} })).status).toBe(405);
  });

  it("ensureWorkflowTemplates creates the three templates once for an application without workflows", async () => {
    expect(await ensureWorkflowTemplates(db, otherApp.id)).toBe(3);
    expect(await ensureWorkflowTemplates(db, otherApp.id)).toBe(0);
    const list = await (await call("/v3/workflows/", { apiKey: otherApp.key })).json();
    const summary = list.results.map((w: { workflow_label: string; workflow_type: string; is_default: boolean; features: { feature: string; config: Record<string, unknown> }[] }) => [
      w.workflow_label, w.workflow_type, w.is_default, w.features.map((f) => f.feature).join("+"),
    ]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ["Selfie re-auth", "biometric_authentication", true, "LIVENESS+FACE_MATCH"],
        ["Face match 1:1", "default", false, "FACE_MATCH"],
        ["Liveness only", "default", true, "LIVENESS"],
      ]),
    );
    expect(list.results.find((w: { workflow_label: string }) => w.workflow_label === "Selfie re-auth").features[1].config.reference).toBe("enrolled_face");
  });
});
