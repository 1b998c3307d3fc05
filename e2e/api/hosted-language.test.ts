import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "@/lib/capture/i18n-en";
import { ja } from "@/lib/capture/i18n-ja";
import { loginConsole } from "../support/console-login";
import { api, CaptureClient, tokenOf, workflowIdByLabel, type Api } from "../support/sessions";
import { openTestDb } from "../support/tenants";
import { dbProviders, startTestServer, type TestServer } from "../support/test-server";

// The hosted page's language (session > Accept-Language > application default), the console setting
// behind the default, and reason codes in place of server text, on a real server and database.
describe.each(dbProviders)("hosted page language (%s)", (provider) => {
  let server: TestServer;
  let a: Api;
  let admin: string;
  const KEY = "language-key-0123456789abcdefghij";

  beforeAll(async () => {
    server = await startTestServer({ provider, env: { SEED_API_KEY: KEY, ADMIN_EMAIL: "admin@lang.test", ADMIN_PASSWORD: "admin-password-1" } });
    a = { url: server.url, key: KEY };
    admin = (await loginConsole(server.url, "admin@lang.test", "admin-password-1"))!;
  });
  afterAll(async () => server?.stop());

  const consoleCall = (cookie: string, method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, { method, headers: { cookie, ...(body ? { "content-type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const setDefault = (cookie: string, defaultLanguage: unknown) => consoleCall(cookie, "PATCH", "/api/console/application", { defaultLanguage });

  async function newSession(extra: Record<string, unknown> = {}) {
    const res = await api(a, "POST", "/v3/session/", { workflow_id: await workflowIdByLabel(a, "Liveness only"), vendor_data: `lang-${crypto.randomUUID()}`, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { id: res.body.session_id as string, token: tokenOf(res.body.url) };
  }
  const pageLanguage = async (token: string, acceptLanguage?: string) => (await new CaptureClient(server.url, token, acceptLanguage ? { "accept-language": acceptLanguage } : {}).state()).body.language;

  it("lets an admin set the default language, validated and audited, and refuses everyone else", async () => {
    const ok = await setDefault(admin, "ja");
    expect(ok.status).toBe(200);
    expect((await ok.json()).defaultLanguage).toBe("ja");
    expect((await (await consoleCall(admin, "GET", "/api/console/application")).json()).defaultLanguage).toBe("ja");

    for (const bad of ["xx", "JA", "pt-BR", "", 3, null]) {
      const res = await setDefault(admin, bad);
      expect(res.status, String(bad)).toBe(400);
      expect((await res.json()).error).toMatchObject({ code: "validation_error", field: "defaultLanguage" });
    }

    const db = openTestDb(provider, server.databaseUrl);
    const audit = await db.auditLog.findFirst({ where: { action: "application.updated", actorLabel: "admin@lang.test" }, orderBy: { createdAt: "desc" } });
    await db.$disconnect();
    expect(audit?.details).toEqual({ defaultLanguage: { from: "en", to: "ja" } });

    await consoleCall(admin, "POST", "/api/console/users", { email: "rev@lang.test", password: "reviewer-password", role: "reviewer" });
    const reviewer = (await loginConsole(server.url, "rev@lang.test", "reviewer-password"))!;
    expect((await setDefault(reviewer, "de")).status).toBe(403);
    expect((await setDefault("", "de")).status).toBe(401);
    expect((await (await consoleCall(admin, "GET", "/api/console/application")).json()).defaultLanguage).toBe("ja");
  });

  it("speaks the session's language, else the browser's by q-value, else the application's default", async () => {
    await setDefault(admin, "id");
    const plain = await newSession();
    expect(await pageLanguage(plain.token)).toBe("id");
    expect(await pageLanguage(plain.token, "zh-CN, it;q=0.8")).toBe("id");
    expect(await pageLanguage(plain.token, "fr;q=0.3, pt-BR;q=0.9, en;q=0.5")).toBe("pt");
    expect(await pageLanguage(plain.token, "ko;q=0, de-AT")).toBe("de");

    const japanese = await newSession({ language: "ja" });
    expect(await pageLanguage(japanese.token, "de, en;q=0.9")).toBe("ja");
    const brazilian = await newSession({ language: "pt-BR" });
    expect(await pageLanguage(brazilian.token, "de")).toBe("pt");
    // a language the page does not speak is kept for the API but does not hide the browser's
    const italian = await newSession({ language: "it" });
    expect(await pageLanguage(italian.token, "ko-KR")).toBe("ko");

    const refused = await api(a, "POST", "/v3/session/", { workflow_id: await workflowIdByLabel(a, "Liveness only"), language: "Japanese please" });
    expect(refused.status).toBe(400);
    expect(refused.body.error.field).toBe("language");
    await setDefault(admin, "en");
  });

  it("renders the page with <html lang>, the start screen already in the HTML, and only the negotiated language's catalogue", async () => {
    const s = await newSession();
    const html = await (await fetch(`${server.url}/verify/${s.token}`, { headers: { "accept-language": "ja-JP,ja;q=0.9,en;q=0.5" } })).text();
    expect(html).toMatch(/<html lang="ja"/);
    // rendered by the server with the session's state, not painted after the JavaScript and a round trip
    expect(html).toMatch(new RegExp(`<h1[^>]*>${ja.start.title}</h1>`));
    expect(html).toMatch(new RegExp(`<button[^>]*>${ja.start.button}</button>`));
    expect(html).not.toContain(en.start.title);
    expect(html).not.toContain("Bestätigen wir, dass Sie es sind");
    const unknown = await (await fetch(`${server.url}/verify/not-a-real-token-000000000000`, { headers: { "accept-language": "ko" } })).text();
    expect(unknown).toMatch(/<html lang="ko"/);
  });

  it("switches language from the page's menu and keeps the choice on the session", async () => {
    const s = await newSession({ language: "en" });
    const phone = new CaptureClient(server.url, s.token);
    const res = await fetch(`${server.url}/api/capture/${s.token}/language`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ language: "fr" }) });
    expect(res.status).toBe(200);
    expect((await res.json()).language).toBe("fr");
    expect((await phone.state()).body.language).toBe("fr");
    const bad = await fetch(`${server.url}/api/capture/${s.token}/language`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ language: "xx" }) });
    expect(bad.status).toBe(400);
  });

  it("answers a frame-count failure with a reason code; the exact cause goes to the case timeline", async () => {
    const s = await newSession({ language: "ko" });
    const phone = new CaptureClient(server.url, s.token);
    const started = await phone.start();
    expect(started.body.step.challenge).toMatchObject({ method: "PASSIVE", frames: 5 });
    const tiny = Buffer.from("ffd8ffe000104a46494600", "hex");
    const refused = await phone.answer(started.body.step.challenge.id, [tiny, tiny]);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ field: "frames", details: { reason: "frame_count" } });

    const timeline = (await (await consoleCall(admin, "GET", `/api/console/sessions/${s.id}/timeline`)).json()) as { entries: { kind: string; lines: string[] }[] };
    const refusal = timeline.entries.find((e) => e.lines.includes("reason: frame_count"));
    expect(refusal?.lines).toContain("detail: This challenge needs 5 frame(s); got 2.");
    expect(server.output()).toContain("capture upload refused");
  });
});
