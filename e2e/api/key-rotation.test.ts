import { spawn } from "node:child_process";
import { createHmac, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeKeyId, sealedKeyId } from "@/lib/crypto/encryption";
import type { Db } from "@/lib/db";
import { datasetsPresent, warnIfDatasetsMissing } from "../support/datasets";
import { imageBytes } from "../support/sessions";
import { openTestDb } from "../support/tenants";
import { createPostgresDatabase, dbProviders, startTestServer, type TestServer } from "../support/test-server";

warnIfDatasetsMissing("encryption key rotation");

const root = path.resolve(import.meta.dirname, "..", "..");
const KEY = "rotation-key-0123456789abcdefgh";
const hex = (key: Buffer) => key.toString("hex");

type Collected = { headers: Record<string, string | string[] | undefined>; raw: Buffer };

// The rotation command as an operator runs it, on the server's DATA_DIR and database.
function runRotation(env: Record<string, string>, args: string[], killOnFirstProgress = false): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "lib", "crypto", "run-key-rotation.ts"), ...args], { cwd: root, env: { ...process.env, ...env, LOG_LEVEL: "warn" } });
    let output = "";
    const onData = (d: Buffer) => {
      output += d;
      if (killOnFirstProgress && /re-sealed so far/.test(output)) child.kill("SIGKILL");
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => resolve({ code, output }));
  });
}

describe.skipIf(!datasetsPresent).each(dbProviders)("encryption key rotation on a real data dir (%s)", (provider) => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  let dataDir: string;
  let databaseUrl: string;
  let dropPg: (() => Promise<void>) | undefined;
  let receiver: Server;
  let receiverUrl: string;
  const received: Collected[] = [];
  // what the first server stored, to read back after each key change
  const stored = { sessionId: "", sessionUrl: "", destinationId: "", secret: "", mediaUrls: [] as string[], mediaBytes: [] as Buffer[] };

  const start = (env: Record<string, string>) => startTestServer({ provider, dataDir, databaseUrl, env: { SEED_API_KEY: KEY, ...env } });
  const call = (server: TestServer, method: string, p: string, body?: unknown) =>
    fetch(`${server.url}${p}`, { method, headers: { "x-api-key": KEY, ...(body ? { "content-type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined });

  // Everything sealed earlier opens: the capture token (session url), the images, the face template
  // (1:N search finds it) and the webhook secret (the delivery verifies with the secret first given).
  async function expectStoredDataReadable(server: TestServer) {
    const decision = await call(server, "GET", `/v3/session/${stored.sessionId}/decision/`);
    expect(decision.status).toBe(200);
    // the url is rebuilt from the sealed token on this server's PUBLIC_URL (each start has its own port)
    expect(new URL((await decision.json()).session_url).pathname).toBe(new URL(stored.sessionUrl).pathname);
    for (const [i, url] of stored.mediaUrls.entries()) {
      const media = await fetch(url.replace(/^http:\/\/127\.0\.0\.1:\d+/, server.url));
      expect(media.status).toBe(200);
      expect(Buffer.from(await media.arrayBuffer()).equals(stored.mediaBytes[i])).toBe(true);
    }
    const form = new FormData();
    form.append("user_image", new Blob([new Uint8Array(imageBytes("images/deepface-01/2.jpg"))], { type: "image/jpeg" }), "q.jpg");
    const search = await fetch(`${server.url}/v3/face-search/`, { method: "POST", headers: { "x-api-key": KEY }, body: form });
    expect(search.status).toBe(200);
    expect((await search.json()).face_search.matches.map((m: { session_id: string }) => m.session_id)).toContain(stored.sessionId);
    const before = received.length;
    expect((await call(server, "POST", `/v3/webhook/destinations/${stored.destinationId}/test/`)).status).toBeLessThan(300);
    const deadline = Date.now() + 10_000;
    while (received.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const delivery = received[received.length - 1];
    expect(delivery).toBeDefined();
    expect(createHmac("sha256", stored.secret).update(delivery.raw).digest("hex")).toBe(delivery.headers["x-signature"]);
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "faceid-rotation-"));
    if (provider === "postgresql") {
      const pgDb = await createPostgresDatabase();
      databaseUrl = pgDb.url;
      dropPg = pgDb.drop;
    } else {
      databaseUrl = `file:${path.join(dataDir, "faceid.db")}`;
    }
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ headers: req.headers, raw: Buffer.concat(chunks) });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await new Promise<void>((r) => receiver?.close(() => r()));
    await dropPg?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("stores sealed data with the first key", async () => {
    const server = await start({ ENCRYPTION_KEY: hex(oldKey) });
    try {
      const workflows = (await (await call(server, "GET", "/v3/workflows/")).json()).results as { workflow_id: string; workflow_label: string }[];
      const reauth = workflows.find((w) => w.workflow_label === "Selfie re-auth")!.workflow_id;
      const session = await call(server, "POST", "/v3/session/", { workflow_id: reauth, workflow_type: "biometric_authentication", vendor_data: "rotating-user", portrait_image: imageBytes("images/deepface-01/1.jpg").toString("base64") });
      expect(session.status).toBe(201);
      const created = await session.json();
      Object.assign(stored, { sessionId: created.session_id, sessionUrl: created.url });

      const form = new FormData();
      stored.mediaBytes = [imageBytes("images/deepface-01/1.jpg"), imageBytes("images/deepface-01/3.jpg")];
      form.append("source_image", new Blob([new Uint8Array(stored.mediaBytes[0])], { type: "image/jpeg" }), "a.jpg");
      form.append("target_image", new Blob([new Uint8Array(stored.mediaBytes[1])], { type: "image/jpeg" }), "b.jpg");
      form.append("save_api_request", "true");
      const match = await (await fetch(`${server.url}/v3/face-match/`, { method: "POST", headers: { "x-api-key": KEY }, body: form })).json();
      stored.mediaUrls = [match.face_match.source_image, match.face_match.target_image];
      expect(stored.mediaUrls.every((u) => typeof u === "string")).toBe(true);

      const dest = await (await call(server, "POST", "/v3/webhook/destinations/", { label: "rotation", url: receiverUrl })).json();
      // a rotated webhook secret leaves the old one sealed in previous_secret
      const rotated = await (await call(server, "POST", `/v3/webhook/destinations/${dest.id}/rotate-secret/`)).json();
      Object.assign(stored, { destinationId: dest.id, secret: rotated.secret_shared_key });
      await expectStoredDataReadable(server);
    } finally {
      await server.stop({ keepData: true });
    }
  });

  it("refuses to start with another ENCRYPTION_KEY, naming the way out", async () => {
    await expect(start({ ENCRYPTION_KEY: hex(newKey) })).rejects.toThrow(/cannot open this instance's data[\s\S]*ENCRYPTION_KEY_PREVIOUS/);
  });

  it("reads old data with ENCRYPTION_KEY_PREVIOUS, re-seals it all with a resumable command, then runs on the new key alone", async () => {
    const rotationEnv = { DATA_DIR: dataDir, DATABASE_URL: databaseUrl, ENCRYPTION_KEY: hex(newKey), ENCRYPTION_KEY_PREVIOUS: hex(oldKey) };
    const server = await start({ ENCRYPTION_KEY: hex(newKey), ENCRYPTION_KEY_PREVIOUS: hex(oldKey) });
    const db: Db = openTestDb(provider, databaseUrl);
    try {
      const ready = await (await fetch(`${server.url}/readyz`)).json();
      expect(ready.checks.encryption).toMatchObject({ ok: true });
      await expectStoredDataReadable(server);

      // interrupted after its first batch (kill -9), then run again while the server keeps serving
      const killed = await runRotation(rotationEnv, ["--batch-size", "1", "--pause-ms", "400"], true);
      expect(killed.code).toBeNull();
      const templates = await db.faceTemplate.findMany({ select: { embedding: true } });
      const destinations = await db.webhookDestination.findMany({ select: { secret: true, previousSecret: true } });
      const keyIds = [...templates.map((t) => sealedKeyId(t.embedding)), ...destinations.flatMap((d) => [sealedKeyId(d.secret), d.previousSecret && sealedKeyId(d.previousSecret)])];
      expect(keyIds).toContain(describeKeyId(oldKey));
      expect(keyIds).toContain(describeKeyId(newKey));
      await expectStoredDataReadable(server);

      const finished = await runRotation(rotationEnv, ["--batch-size", "2"]);
      expect(finished.output).toContain("Everything is sealed with the current key");
      expect(finished.code).toBe(0);
      const again = await runRotation(rotationEnv, []);
      expect(again.output).toMatch(/re-sealed 0 values/);
      await expectStoredDataReadable(server);

      // every sealed column and every blob file is on the new key
      const sessions = await db.verificationSession.findMany({ where: { captureTokenSealed: { not: null } }, select: { captureTokenSealed: true } });
      const all = [
        ...(await db.faceTemplate.findMany({ select: { embedding: true } })).map((t) => t.embedding),
        ...sessions.map((s) => s.captureTokenSealed!),
        ...(await db.webhookDestination.findMany({ select: { secret: true, previousSecret: true } })).flatMap((d) => [d.secret, ...(d.previousSecret ? [d.previousSecret] : [])]),
        // stored images: files under DATA_DIR/blobs on SQLite, MediaBlob rows on PostgreSQL
        ...(provider === "postgresql"
          ? (await db.mediaBlob.findMany({ select: { data: true } })).map((b) => b.data)
          : (await db.media.findMany({ select: { storageKey: true } })).map((m) => readFileSync(path.join(dataDir, "blobs", m.storageKey)))),
      ];
      expect(await db.mediaBlob.count()).toBe(provider === "postgresql" ? await db.media.count() : 0);
      expect(all.length).toBeGreaterThanOrEqual(6);
      expect(new Set(all.map((v) => sealedKeyId(v)))).toEqual(new Set([describeKeyId(newKey)]));
    } finally {
      await db.$disconnect();
      await server.stop({ keepData: true });
    }

    const newOnly = await start({ ENCRYPTION_KEY: hex(newKey) });
    try {
      await expectStoredDataReadable(newOnly);
    } finally {
      await newOnly.stop({ keepData: true });
    }
    await expect(start({ ENCRYPTION_KEY: hex(oldKey) })).rejects.toThrow(/cannot open this instance's data/);
  });
});
