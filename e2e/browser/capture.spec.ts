import { createServer, type Server } from "node:http";
import path from "node:path";
import { chromium, expect, test, type Browser } from "@playwright/test";
import { chromiumArgs } from "../../playwright.config";
import { makeFakeCamera } from "../fixtures/fake-camera";
import { facesDir, warnIfDatasetsMissing, requireFaceDatasets } from "../support/datasets";
import { completeCapture } from "../support/complete-capture";
import { getFreePort, startTestServer, type TestServer } from "../support/test-server";

// The hosted capture page end to end against the real server: a phone inside an integrator's iframe
// (events + callback), and a desktop handing off to a phone by QR and following it without reload.
// Chromium's fake camera plays a y4m made at test time from a dataset face.
const apiKey = "k-0123456789abcdefgh";
const shots = "test-results/capture";
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const desktop = { viewport: { width: 1440, height: 900 } };
const FINAL = ["Approved", "Declined", "In Review"];

let server: TestServer;
let embed: { url: string; server: Server; hits: string[] };
let browser: Browser;
let workflowId: string;

requireFaceDatasets(test);
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  warnIfDatasetsMissing("capture.spec");
  const camera = makeFakeCamera({ kind: "face", image: path.join(facesDir, "images/deepface-01/1.jpg") });
  server = await startTestServer({ env: { SEED_API_KEY: apiKey } });
  embed = await startEmbedServer();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...chromiumArgs, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${camera}`],
  });
  const res = await api("GET", "/v3/workflows/");
  const list = (await res.json()) as { results: { workflow_id?: string; id?: string; workflow_label?: string; label?: string }[] };
  const found = list.results.find((w) => (w.workflow_label ?? w.label) === "Liveness only");
  expect(found, "the seeded 'Liveness only' workflow").toBeTruthy();
  workflowId = (found!.workflow_id ?? found!.id)!;
});

test.afterAll(async () => {
  await browser?.close();
  embed?.server.close();
  await server?.stop();
});

function api(method: string, url: string, body?: unknown) {
  return fetch(`${server.url}${url}`, { method, headers: { "x-api-key": apiKey, "content-type": "application/json" }, body: body ? JSON.stringify(body) : undefined });
}

async function createSession(extra: Record<string, unknown> = {}): Promise<{ session_id: string; url: string }> {
  const res = await api("POST", "/v3/session/", { workflow_id: workflowId, ...extra });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { session_id: string; url: string };
}

// An integrator's page on another origin: embeds the capture page and records its postMessages.
async function startEmbedServer() {
  const port = await getFreePort();
  const hits: string[] = [];
  const srv = createServer((req, res) => {
    hits.push(req.url ?? "");
    const u = new URL(req.url ?? "/", "http://x");
    res.setHeader("content-type", "text/html; charset=utf-8");
    if (u.pathname === "/embed") {
      const src = u.searchParams.get("src") ?? "";
      res.end(`<!doctype html><meta name=viewport content="width=device-width"><body style="margin:0">
<iframe src="${src.replace(/"/g, "&quot;")}" allow="camera; clipboard-write" style="border:0;width:100vw;height:100vh;display:block"></iframe>
<script>window.events=[];addEventListener("message",e=>{if(e.data&&typeof e.data.type==="string")window.events.push(e.data)});</script>`);
      return;
    }
    res.end(`<!doctype html><title>Integrator</title><h1>Back at the integrator</h1><p id=q>${u.search.replace(/</g, "")}</p>`);
  });
  await new Promise<void>((r) => srv.listen(port, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${port}`, server: srv, hits };
}

test("a phone inside an iframe: consent, live guidance, auto-capture, result, events and callback", async () => {
  const session = await createSession({ callback: `${embed.url}/done?ref=42` });
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await page.goto(`${embed.url}/embed?src=${encodeURIComponent(session.url)}`);
  const ui = page.frameLocator("iframe");
  await expect(ui.getByRole("heading", { name: "Let's confirm it's you" })).toBeVisible();
  await page.screenshot({ path: `${shots}/phone-start.png` });

  const status = await completeCapture(ui, page, "phone");
  expect(FINAL).toContain(status);
  await expect(ui.getByRole("button", { name: "Continue" })).toBeVisible();
  await page.screenshot({ path: `${shots}/phone-result.png` });

  const events = (await page.evaluate(() => (window as unknown as { events: { type: string; data: Record<string, unknown> }[] }).events)) ?? [];
  const types = events.map((e) => e.type);
  for (const t of ["didit:ready", "didit:started", "didit:step_started", "didit:media_started", "didit:media_captured", "didit:verification_submitted", "didit:status_updated", "didit:completed"]) expect(types).toContain(t);
  expect(types.indexOf("didit:ready")).toBeLessThan(types.indexOf("didit:started"));
  expect(events.find((e) => e.type === "didit:ready")!.data).toEqual({ sessionId: session.session_id });
  expect(events.find((e) => e.type === "didit:step_started")!.data).toEqual({ step: "face" });
  expect(events.find((e) => e.type === "didit:media_captured")!.data).toEqual({ step: "face", isAuto: true });
  expect(events.find((e) => e.type === "didit:completed")!.data).toEqual({ sessionId: session.session_id, status });

  // the iframe itself goes to the callback a few seconds after the result
  await expect.poll(() => embed.hits.find((h) => h.startsWith("/done")), { timeout: 15_000 }).toBeTruthy();
  const done = new URL(embed.hits.find((h) => h.startsWith("/done"))!, embed.url);
  expect(done.searchParams.get("ref")).toBe("42");
  expect(done.searchParams.get("verificationSessionId")).toBe(session.session_id);
  expect(done.searchParams.get("status")).toBe(status);
  await context.close();
});

test("a desktop hands off to a phone by QR and follows it to the result without reloading", async () => {
  const session = await createSession({ language: "en" });
  const deskContext = await browser.newContext({ ...desktop, permissions: ["clipboard-read", "clipboard-write"] });
  const desk = await deskContext.newPage();
  await desk.goto(session.url);
  await expect(desk.getByTestId("handoff-qr").locator("svg")).toBeVisible();
  await expect(desk.getByRole("button", { name: "Use this device's camera" })).toBeVisible();
  await desk.getByRole("button", { name: "Copy link" }).click();
  await expect(desk.getByRole("button", { name: "Link copied" })).toBeVisible();
  expect(await desk.evaluate(() => navigator.clipboard.readText())).toBe(session.url);
  await desk.screenshot({ path: `${shots}/desktop-qr.png` });

  const phoneContext = await browser.newContext(phone);
  const mobile = await phoneContext.newPage();
  await mobile.goto(session.url);
  await expect(mobile.getByTestId("handoff")).toHaveCount(0);
  await mobile.getByRole("button", { name: "Start" }).click();
  await expect(desk.getByTestId("screen-following")).toBeVisible({ timeout: 10_000 });
  await desk.screenshot({ path: `${shots}/desktop-following.png` });

  await expect(mobile.getByTestId("guidance")).toHaveAttribute("data-tone", "ready", { timeout: 30_000 });
  await expect(mobile.getByTestId("screen-result").or(mobile.getByTestId("screen-retry"))).toBeVisible({ timeout: 45_000 });
  if (await mobile.getByTestId("screen-retry").isVisible()) {
    await mobile.screenshot({ path: `${shots}/phone-retry.png` });
    return;
  }
  const status = (await mobile.getByTestId("result-status").textContent())!.trim();
  await expect(desk.getByTestId("screen-result")).toBeVisible({ timeout: 10_000 });
  await expect(desk.getByTestId("result-status")).toHaveText(status);
  await desk.screenshot({ path: `${shots}/desktop-result.png` });
  await phoneContext.close();
  await deskContext.close();
});

test("the desktop's own camera works too, and an unknown token says the link is not valid", async () => {
  const context = await browser.newContext(desktop);
  const page = await context.newPage();
  await page.goto(`${server.url}/verify/not-a-real-token`);
  await expect(page.getByRole("heading", { name: "Link not valid" })).toBeVisible();
  await page.screenshot({ path: `${shots}/desktop-not-found.png` });

  const session = await createSession({ language: "es" });
  await page.goto(session.url);
  await expect(page.getByRole("heading", { name: "Confirmemos que eres tú" })).toBeVisible();
  await page.getByRole("button", { name: "Usar la cámara de este dispositivo" }).click();
  await expect(page.getByTestId("guidance")).toHaveAttribute("data-tone", "ready", { timeout: 30_000 });
  await page.screenshot({ path: `${shots}/desktop-guidance-es.png` });
  await expect(page.getByTestId("screen-result").or(page.getByTestId("screen-retry"))).toBeVisible({ timeout: 45_000 });
  await page.screenshot({ path: `${shots}/desktop-outcome-es.png` });
  await context.close();
});
