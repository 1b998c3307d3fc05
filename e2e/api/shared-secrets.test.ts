import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetsPresent, faceImage, warnIfDatasetsMissing } from "../support/datasets";
import { startTestServer, type TestServer } from "../support/test-server";

warnIfDatasetsMissing("shared secrets");

// Instances with their own DATA_DIR (as on separate machines) on one PostgreSQL: with the same
// ENCRYPTION_KEY and AUTH_SECRET an image stored through one opens through the other's signed link;
// an instance whose AUTH_SECRET or ENCRYPTION_KEY differs from theirs refuses to start, naming it.
describe.skipIf(!datasetsPresent)("instances sharing one PostgreSQL", () => {
  const key = `shared-secrets-${randomBytes(8).toString("hex")}`;
  const secrets = { ENCRYPTION_KEY: randomBytes(32).toString("hex"), AUTH_SECRET: randomBytes(32).toString("base64url") };
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    a = await startTestServer({ provider: "postgresql", env: { SEED_API_KEY: key, ...secrets } });
    b = await startTestServer({ databaseUrl: a.databaseUrl, env: { SEED_API_KEY: key, ...secrets } });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it("opens on instance B the media link instance A minted, from the shared store", async () => {
    const form = new FormData();
    form.append("source_image", faceImage("images/deepface-01/1.jpg"), "a.jpg");
    form.append("target_image", faceImage("images/deepface-01/2.jpg"), "b.jpg");
    form.append("save_api_request", "true");
    const res = await fetch(`${a.url}/v3/face-match/`, { method: "POST", headers: { "x-api-key": key }, body: form });
    expect(res.status).toBe(200);
    const link = new URL((await res.json()).face_match.source_image);
    expect(link.origin).toBe(a.url);
    const fromA = await fetch(link);
    const fromB = await fetch(`${b.url}${link.pathname}${link.search}`);
    expect([fromA.status, fromB.status]).toEqual([200, 200]);
    expect(fromB.headers.get("content-type")).toMatch(/^image\//);
    expect(Buffer.from(await fromB.arrayBuffer()).equals(Buffer.from(await fromA.arrayBuffer()))).toBe(true);
    // a link B did not sign is still refused
    expect((await fetch(`${b.url}${link.pathname}?expires=${link.searchParams.get("expires")}&signature=forged`)).status).toBe(403);
  });

  it("refuses to start an instance with another AUTH_SECRET, naming it", async () => {
    const started = startTestServer({ databaseUrl: a.databaseUrl, env: { ...secrets, AUTH_SECRET: randomBytes(32).toString("base64url") } });
    await expect(started).rejects.toThrow(/server exited with 1[\s\S]*AUTH_SECRET differs from the one the other instances on this database use/);
  });

  it("refuses to start an instance with another ENCRYPTION_KEY, naming it", async () => {
    const started = startTestServer({ databaseUrl: a.databaseUrl, env: { ...secrets, ENCRYPTION_KEY: randomBytes(32).toString("hex") } });
    await expect(started).rejects.toThrow(/server exited with 1[\s\S]*ENCRYPTION_KEY/);
  });

  it("refuses to start an instance that generated its own secrets instead of sharing them", async () => {
    // neither variable set: the instance generates both into its own DATA_DIR/secrets
    const started = startTestServer({ databaseUrl: a.databaseUrl });
    await expect(started).rejects.toThrow(/server exited with 1[\s\S]*(ENCRYPTION_KEY|AUTH_SECRET)/);
  });
});
