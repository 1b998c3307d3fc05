import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { expect, test } from "@playwright/test";
import { loginConsole } from "../support/console-login";
import { requireFaceDatasets } from "../support/datasets";
import { readPdf } from "../support/read-pdf";
import { consoleCall, createReviewCase, reauth } from "../support/review-case";
import { api } from "../support/sessions";
import { getFreePort, startTestServer, type TestServer } from "../support/test-server";

// The case timeline, its audit log and the PDF export as a compliance officer in New York uses them:
// real server, sessions through the capture endpoints, Chromium with its own locale and time zone.
const admin = { email: "officer@export.test", password: "admin-password-1" };
const KEY = "case-export-key-0123456789abcdefgh";
let server: TestServer;
let receiver: Server;
const cases: Record<"worked" | "open", string> = { worked: "", open: "" };

requireFaceDatasets(test);

test.beforeAll(async () => {
  test.setTimeout(240_000);
  server = await startTestServer({ env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, SEED_API_KEY: KEY, TRUSTED_PROXIES: "127.0.0.1" } });
  const a = { url: server.url, key: KEY };
  const port = await getFreePort();
  receiver = createServer((req, res) => req.resume().on("end", () => res.writeHead(200).end("ok"))).listen(port, "127.0.0.1");
  expect((await api(a, "POST", "/v3/webhook/destinations/", { label: "Case system", url: `http://127.0.0.1:${port}/hook` })).status).toBe(201);
  const cookie = (await loginConsole(server.url, admin.email, admin.password))!;
  cases.worked = (await createReviewCase(a, cookie)).case.id;
  cases.open = (await reauth(a, { vendorData: "alice", selfie: "images/deepface-01/4.jpg", ip: "203.0.113.30" })).id;
  const work = (method: string, path: string, json?: unknown) => consoleCall(server.url, cookie, method, `/api/console/sessions/${cases.worked}${path}`, json);
  expect((await work("POST", "/assignment")).status).toBe(200);
  expect((await work("POST", "/comments", { comment: "Checked the enrolment selfie: same person, new phone." })).status).toBe(201);
  expect((await work("POST", "/decision", { decision: "Approved", comment: "Genuine; the score is low because of the lighting." })).status).toBe(200);
});

test.afterAll(async () => {
  await server?.stop();
  receiver?.close();
});

test.use({ locale: "en-US", timezoneId: "America/New_York", viewport: { width: 1440, height: 1000 }, acceptDownloads: true });

test("the session page shows the whole timeline in local time, exports the PDF and opens the session's audit log", async ({ page }) => {
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

  await page.goto(`${server.url}/sessions/${cases.worked}`);
  const timeline = page.getByRole("list", { name: "Timeline" });
  // the approval's webhook, delivered by the worker: reload until it is on the timeline
  await expect(async () => {
    await page.reload();
    await expect(timeline.locator('[data-kind="webhook"]').filter({ hasText: "(Approved) to Case system" })).toContainText("delivered, 1 attempt, last HTTP 200", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  for (const text of ["Session created", "Capture started", "Attempt 1: selfie submitted", "Face match: In Review (attempt 1)", "Assigned", "Checked the enrolment selfie", "Genuine; the score is low"]) await expect(timeline).toContainText(text);
  // times in the browser's zone: the first entry's ISO instant, as en-US in New York shows it
  const first = timeline.locator("time").first();
  const iso = (await first.getAttribute("datetime"))!;
  await expect(first).toHaveText(new Date(iso).toLocaleString("en-US", { timeZone: "America/New_York", dateStyle: "medium", timeStyle: "medium" }));
  await page.locator("section").filter({ has: page.getByRole("heading", { name: "Timeline", exact: true }) }).screenshot({ path: "e2e/snapshots/case-timeline.png" });

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export PDF" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^session-\\d+-${cases.worked.slice(0, 8)}\\.pdf$`));
  const file = "test-results/case-export.pdf";
  await download.saveAs(file);
  const pdf = await readPdf(readFileSync(file));
  expect(pdf.text).toContain(`Session id: ${cases.worked}`);
  expect(pdf.text).toContain(`by ${admin.email} · page 1 of`);
  expect(pdf.images).toBeGreaterThanOrEqual(2);

  await page.getByRole("link", { name: "Audit log for this session" }).click();
  await expect(page).toHaveURL(`${server.url}/audit?session=${cases.worked}`);
  await expect(page.getByTestId("audit-session-filter")).toContainText("Entries for session #");
  const rows = page.getByRole("row");
  await expect(rows.filter({ hasText: "session.exported" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "session.assigned" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "console.login" })).toHaveCount(0);
});

test("the review queue's case view carries the timeline and the audit link", async ({ page }) => {
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await page.goto(`${server.url}/review`);
  const article = page.getByRole("article");
  await expect(article).toContainText("alice");
  await article.getByText("Timeline", { exact: true }).click();
  const timeline = article.getByRole("list", { name: "Timeline" });
  await expect(timeline).toContainText("Session created");
  await expect(timeline.locator('[data-kind="status"]').last()).toContainText("In Review");
  await expect(article.getByRole("link", { name: "Audit log for this session" })).toHaveAttribute("href", `/audit?session=${cases.open}`);
});
