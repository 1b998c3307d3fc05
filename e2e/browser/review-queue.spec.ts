import { expect, test, type Browser, type Page } from "@playwright/test";
import type { Db } from "@/lib/db";
import { loginConsole } from "../support/console-login";
import { requireFaceDatasets } from "../support/datasets";
import { reauthSession } from "../support/review-cases";
import { workflowIdByLabel, type Api } from "../support/sessions";
import { openTestDb } from "../support/tenants";
import { startTestServer, type TestServer } from "../support/test-server";

// A compliance team's queue, as two reviewers and an admin work it on the real server: the review
// policy set on the workflow, cases from real captures (reasons, deadlines), filters in the address,
// a saved view, priority, bulk assignment, per-reviewer counts, paging, the link from a session page,
// and the rough edges (invalid filters, typed thresholds, local time, the decision-time axis).
const admin = { email: "admin@team.test", password: "admin-password-1" };
const alice = { email: "alice@team.test", password: "alice-password-1" };
const bob = { email: "bob@team.test", password: "bob-password-1" };
const key = "review-queue-key-0123456789abcdefghij";
let server: TestServer;
let db: Db;
let a: Api;
let adminCookie: string;
let workflowId: string;
const cases: Record<string, string> = {};

async function consoleCall(cookie: string, method: string, path: string, json?: unknown) {
  const res = await fetch(`${server.url}${path}`, { method, headers: { cookie, origin: server.url, ...(json ? { "content-type": "application/json" } : {}) }, body: json ? JSON.stringify(json) : undefined });
  return { status: res.status, body: await res.json().catch(() => null) };
}

async function signIn(browser: Browser, who: { email: string; password: string }, options: { locale?: string; timezoneId?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, ...options });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  return page;
}

const queueRows = (page: Page) => page.getByRole("navigation", { name: "Cases" }).getByRole("listitem");
const row = (page: Page, vendorData: string) => queueRows(page).filter({ hasText: vendorData });

requireFaceDatasets(test);

test.beforeAll(async () => {
  test.setTimeout(240_000);
  server = await startTestServer({ env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, SEED_API_KEY: key, TRUSTED_PROXIES: "127.0.0.1" } });
  a = { url: server.url, key };
  db = openTestDb("sqlite", server.databaseUrl);
  adminCookie = (await loginConsole(server.url, admin.email, admin.password))!;
  for (const who of [alice, bob]) expect((await consoleCall(adminCookie, "POST", "/api/console/users", { ...who, role: "reviewer" })).status).toBe(201);
  workflowId = await workflowIdByLabel(a, "Selfie re-auth");
  for (const [vendorData, dir] of [["carol", "deepface-01"], ["dave", "deepface-05"]]) {
    expect((await reauthSession(a, { vendorData, portrait: `images/${dir}/1.jpg`, selfie: `images/${dir}/2.jpg`, ip: "203.0.113.10" })).status).toBe("Approved");
  }
});

test.afterAll(async () => {
  await db?.$disconnect();
  await server?.stop();
});

test("an admin sets the workflow's review policy in the builder", async ({ browser }) => {
  const page = await signIn(browser, admin);
  await page.goto(`${server.url}/workflows/${workflowId}`);
  await page.getByRole("tab", { name: "Review" }).click();
  const form = page.getByRole("form", { name: "Review policy" });
  await form.getByLabel("Review SLA (hours)").fill("0");
  await expect(form.getByText("Whole hours from 1 to 2160")).toBeVisible();
  await expect(form.getByRole("button", { name: "Save review policy" })).toBeDisabled();
  await form.getByLabel("Review SLA (hours)").fill("4");
  await form.getByLabel("Every decline").check();
  await form.getByLabel("Approvals of").selectOption("high");
  await form.getByRole("button", { name: "Save review policy" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved.");
  expect((await consoleCall(adminCookie, "GET", `/api/console/workflows/${workflowId}/review-policy`)).body).toEqual({ reviewSlaHours: 4, reviewPriority: 0, fourEyes: { declines: true, approvalsAtRisk: "high" } });
  await page.screenshot({ path: "e2e/snapshots/review-policy.png" });
});

test("two reviewers work the team queue", async ({ browser }) => {
  test.setTimeout(180_000);
  // a cautious review band: every face match short of 100 goes to a person, with its reasons
  expect((await consoleCall(adminCookie, "PATCH", "/api/console/thresholds", { faceMatchReviewThreshold: 100, faceMatchDeclineThreshold: 0, livenessReviewThreshold: 50, livenessDeclineThreshold: 50 })).status).toBe(200);
  for (const [name, vendorData, selfie] of [["genuine", "carol", "images/deepface-01/3.jpg"], ["impostor", "dave", "images/deepface-06/2.jpg"], ["later", "carol", "images/deepface-01/4.jpg"]]) {
    const made = await reauthSession(a, { vendorData, selfie, ip: "203.0.113.20" });
    expect(made.status).toBe("In Review");
    cases[name] = made.id;
  }
  // carol's first case has waited past its 4 h SLA (the clock moved on)
  await db.verificationSession.update({ where: { id: cases.genuine }, data: { decidedAt: new Date(Date.now() - 6 * 3_600_000), reviewDueAt: new Date(Date.now() - 2 * 3_600_000) } });
  const bobCookie = (await loginConsole(server.url, bob.email, bob.password))!;
  expect((await consoleCall(bobCookie, "POST", `/api/console/sessions/${cases.later}/assignment`)).status).toBe(200);

  const page = await signIn(browser, alice);
  await page.goto(`${server.url}/review`);
  await expect(queueRows(page)).toHaveCount(3);
  await expect(row(page, "carol").first()).toContainText("Low face match similarity");
  const overdue = queueRows(page).and(page.locator("[data-overdue=true]"));
  await expect(overdue).toHaveCount(1);
  await expect(overdue).toContainText(/overdue 2 h/);
  await expect(row(page, "dave")).toContainText(/due in 4 h/);

  // the impostor is urgent: priority from the case pane, audited, first in the queue
  await row(page, "dave").getByRole("button").click();
  await page.getByLabel("Case priority").selectOption("2");
  await expect(queueRows(page).first()).toContainText("Urgent");
  await expect(queueRows(page).first()).toContainText("dave");
  await expect(page.getByRole("img", { name: "Selfie" })).toBeVisible();
  await page.screenshot({ path: "e2e/snapshots/review-queue.png" });

  // filters are in the address and survive a reload
  await page.getByLabel("Assignee").selectOption("unassigned");
  await expect(page).toHaveURL(/assignee=unassigned/);
  await expect(queueRows(page)).toHaveCount(2);
  await page.getByLabel("Age", { exact: true }).selectOption("overdue");
  await expect(page).toHaveURL(/age=overdue/);
  await page.reload();
  await expect(page.getByLabel("Age", { exact: true })).toHaveValue("overdue");
  await expect(queueRows(page)).toHaveCount(1);
  await expect(queueRows(page)).toContainText("carol");

  // saved as a team view; bob finds it and applies it
  await page.getByRole("button", { name: "Save view" }).click();
  await page.getByLabel("View name").fill("Overdue, nobody on it");
  await page.getByLabel("Share with the team").check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByLabel("Saved view")).toHaveValue(/.+/);
  const bobPage = await signIn(browser, bob);
  await bobPage.goto(`${server.url}/review`);
  await expect(queueRows(bobPage)).toHaveCount(3);
  await bobPage.getByLabel("Saved view").selectOption({ label: `Overdue, nobody on it (${alice.email})` });
  await expect(bobPage).toHaveURL(/assignee=unassigned&age=overdue/);
  await expect(queueRows(bobPage)).toHaveCount(1);
  await expect(bobPage.getByRole("button", { name: "Delete view" })).toHaveCount(0);

  // bulk: alice takes everything; bob's case stays his, and she is told so per case
  await page.getByRole("button", { name: "Clear" }).click();
  await expect(queueRows(page)).toHaveCount(3);
  for (const r of await queueRows(page).all()) await r.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Assign to me" }).first().click();
  const report = page.getByRole("alert").filter({ hasText: "2 of 3 cases assigned." });
  await expect(report).toContainText("only an admin can reassign it");
  await page.getByLabel("Assignee").selectOption("me");
  await expect(queueRows(page)).toHaveCount(2);
  // per-reviewer counts
  const team = page.getByRole("region", { name: "Reviewer workload" });
  await expect(team.getByRole("row", { name: /alice@team.test/ })).toContainText(/\(you\)\s*2\s*0\s*0/);
  await expect(team.getByRole("row", { name: /bob@team.test/ })).toContainText(/bob@team.test\s*1\s*0\s*0/);

  // then bob hands his case to alice in bulk too
  await bobPage.getByLabel("Saved view").selectOption("");
  await row(bobPage, "carol").filter({ hasText: "you" }).getByRole("checkbox").check();
  await bobPage.getByLabel("Assign to reviewer").selectOption({ label: alice.email });
  await bobPage.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(bobPage.getByRole("status").filter({ hasText: "1 of 1 case assigned." })).toBeVisible();
  await page.reload();
  await expect(queueRows(page)).toHaveCount(3);
});

test("the queue pages past the first 50 cases and opens the case a session page links to", async ({ browser }) => {
  const app = await db.application.findFirstOrThrow({ select: { id: true } });
  const start = (await db.verificationSession.aggregate({ _max: { sessionNumber: true } }))._max.sessionNumber! + 1;
  for (let i = 0; i < 55; i++) {
    await db.verificationSession.create({
      data: { applicationId: app.id, sessionNumber: start + i, workflowId, status: "In Review", vendorData: `backlog-${i}`, captureTokenHash: `backlog-${i}`, expiresAt: new Date(Date.now() + 86_400_000), decidedAt: new Date(Date.now() - (i + 1) * 60_000), reviewReasons: ",LOW_LIVENESS_SCORE," },
    });
  }
  const total = await db.verificationSession.count({ where: { status: "In Review" } });
  expect(total).toBeGreaterThanOrEqual(55);
  const page = await signIn(browser, alice);
  await page.goto(`${server.url}/review`);
  await expect(page.getByText(`1–50 of ${total}`)).toBeVisible();
  await expect(queueRows(page)).toHaveCount(50);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(`51–${total} of ${total}`)).toBeVisible();
  await expect(queueRows(page)).toHaveCount(total - 50);

  // the newest backlog case is on page 2 (oldest first among equals): its session page opens it
  const newest = await db.verificationSession.findFirstOrThrow({ where: { vendorData: "backlog-0" }, select: { id: true, sessionNumber: true } });
  await page.goto(`${server.url}/sessions/${newest.id}`);
  await page.getByRole("link", { name: "Decide in the review queue" }).click();
  await expect(page).toHaveURL(new RegExp(`/review\\?case=${newest.id}`));
  await expect(page.getByRole("article")).toContainText(`Session #${newest.sessionNumber}`);
  await expect(queueRows(page).first()).toContainText("opened from link");
  // j moves on and the address follows the case shown
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("j");
  await expect(page).not.toHaveURL(new RegExp(`case=${newest.id}`));
  await expect(page).toHaveURL(/case=/);
});

test("rough edges: invalid filters, typed thresholds, local time, a readable time axis", async ({ browser }) => {
  const page = await signIn(browser, admin, { locale: "de-DE", timezoneId: "America/New_York" });
  // the overview's decision-time axis: one unit, no two ticks alike
  const chart = page.locator("section").filter({ has: page.getByRole("heading", { name: "Median time to decision" }) });
  await expect(chart.locator(".recharts-yAxis-tick-labels text").first()).toBeVisible();
  const ticks = await chart.locator(".recharts-yAxis-tick-labels text").allTextContents();
  expect(ticks.length).toBeGreaterThan(2);
  expect(new Set(ticks).size).toBe(ticks.length);
  expect(new Set(ticks.map((t) => t.split(" ")[1])).size).toBe(1);

  await page.goto(`${server.url}/sessions?status=Declined&fm_min=150`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Match ≥ must be a score from 0 to 100");
  await expect(page.getByLabel("Match ≥")).toHaveValue("150");
  await expect(page.getByLabel("Status")).toHaveValue("Declined");
  await page.getByLabel("Match ≥").fill("80");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/fm_min=80/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
  await page.goto(`${server.url}/sessions?from=2026-13-45`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Created from must be a date such as 2026-03-31");

  // a session's times in the reader's locale and zone (de-DE, New York), not the server's UTC
  const session = await db.verificationSession.findFirstOrThrow({ where: { vendorData: "carol" }, orderBy: { createdAt: "asc" }, select: { id: true, createdAt: true } });
  await page.goto(`${server.url}/sessions/${session.id}`);
  const expected = session.createdAt.toLocaleString("de-DE", { dateStyle: "medium", timeStyle: "short", timeZone: "America/New_York" });
  await expect(page.locator(`time[datetime="${session.createdAt.toISOString()}"]`).first()).toHaveText(expected);

  // threshold fields take what is typed and check it on leaving the field
  await page.goto(`${server.url}/tuning`);
  const field = page.getByLabel("Face match review below");
  await field.fill("");
  await field.pressSequentially("80");
  await expect(field).toHaveValue("80");
  await field.blur();
  await expect(page.getByRole("slider", { name: "Face match review threshold" })).toHaveAttribute("aria-valuenow", "80");
  await field.fill("150");
  await field.press("Enter");
  await expect(page.getByRole("main").getByRole("alert").filter({ hasText: "Enter a value from" })).toBeVisible();
  await expect(page.getByRole("slider", { name: "Face match review threshold" })).toHaveAttribute("aria-valuenow", "80");
});
