import { expect, test, type Browser, type Page } from "@playwright/test";
import { loginConsole } from "../support/console-login";
import { requireFaceDatasets } from "../support/datasets";
import { api, CaptureClient, tokenOf, type Api } from "../support/sessions";
import { startTestServer, type TestServer } from "../support/test-server";

// Two reviewers working the same queue: assignment is enforced, a decline needs a second reviewer
// (four-eyes), and a reviewer who loses a race keeps what they typed and learns who decided and when,
// in their own locale and time zone.
const admin = { email: "admin@team.test", password: "admin-password-1" };
const ana = { email: "ana@team.test", password: "reviewer-password-1" };
const ben = { email: "ben@team.test", password: "reviewer-password-2" };
let server: TestServer;
let a: Api;
let adminCookie: string;
const cases: string[] = [];

async function consoleCall(cookie: string, method: string, path: string, json?: unknown) {
  const res = await fetch(`${server.url}${path}`, { method, headers: { cookie, ...(json ? { "content-type": "application/json" } : {}) }, body: json ? JSON.stringify(json) : undefined });
  return { status: res.status, body: await res.json().catch(() => null) };
}

async function reviewerPage(browser: Browser, who: { email: string; password: string }, options: { locale?: string; timezoneId?: string } = {}): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 }, ...options })).newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await page.goto(`${server.url}/review`);
  return page;
}

const select = (page: Page, vendorData: string) => page.getByRole("navigation", { name: "Cases" }).getByRole("button", { name: new RegExp(vendorData) }).click();

requireFaceDatasets(test);
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  server = await startTestServer({ env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, SEED_API_KEY: "team-key-0123456789abcdefgh", TRUSTED_PROXIES: "127.0.0.1" } });
  a = { url: server.url, key: "team-key-0123456789abcdefgh" };
  adminCookie = (await loginConsole(server.url, admin.email, admin.password))!;
  for (const who of [ana, ben]) expect((await consoleCall(adminCookie, "POST", "/api/console/users", { ...who, role: "reviewer" })).status).toBe(201);
  // every case from a new device goes to a person; declines need a second reviewer
  const workflow = await api(a, "POST", "/v3/workflows/", {
    workflow_label: "Team review",
    features: [{ feature: "LIVENESS", config: { face_liveness_method: "PASSIVE", max_attempts: 1, decline_threshold: 0, review_threshold: 0 } }, { feature: "DEVICE_CHECK", config: { review_new_device: true } }],
  });
  expect(workflow.status).toBe(201);
  expect((await consoleCall(adminCookie, "PATCH", `/api/console/workflows/${workflow.body.workflow_id}/review-policy`, { fourEyes: { declines: true, approvalsAtRisk: "off" } })).status).toBe(200);
  for (const [vendorData, face] of [["case-one", "deepface-02"], ["case-two", "deepface-03"]]) {
    const created = await api(a, "POST", "/v3/session/", { workflow_id: workflow.body.workflow_id, vendor_data: vendorData });
    const client = new CaptureClient(server.url, tokenOf(created.body.url), { "x-forwarded-for": "203.0.113.7" });
    const started = await client.start();
    const done = await client.captureLive(started.body.step.challenge.id, `images/${face}/2.jpg`);
    expect(done.body.state.status).toBe("In Review");
    cases.push(created.body.session_id);
  }
});

test.afterAll(async () => server?.stop());

test("two reviewers: assignment, four-eyes decline, and a lost race that keeps the comment", async ({ browser }) => {
  test.setTimeout(180_000);
  const anaPage = await reviewerPage(browser, ana);
  const benPage = await reviewerPage(browser, ben, { locale: "de-DE", timezoneId: "Asia/Tokyo" });

  // ana takes case one; ben cannot decide it, and keeps what he typed
  await select(anaPage, "case-one");
  await anaPage.getByRole("button", { name: "Assign to me" }).click();
  await expect(anaPage.getByText("Assigned to you")).toBeVisible();
  await benPage.reload();
  await select(benPage, "case-one");
  await expect(benPage.getByText(`Assigned to ${ana.email}`)).toBeVisible();
  await benPage.getByLabel(/Internal comment/).fill("Looks like the same person to me.");
  await benPage.getByRole("button", { name: /^Approve/ }).click();
  await expect(benPage.getByRole("alert").filter({ hasText: `assigned to ${ana.email}` })).toBeVisible();
  await select(benPage, "case-one");
  await expect(benPage.getByLabel(/Internal comment/)).toHaveValue("Looks like the same person to me.");

  // ana declines with a reason: four-eyes holds it for a second reviewer
  await anaPage.getByLabel(/^Reason/).selectOption({ label: "Face does not match the reference" });
  await anaPage.getByLabel(/^Comment for the customer/).fill("We could not confirm your identity.");
  await anaPage.getByLabel(/Internal comment/).fill("Jawline and ears differ from the enrolment photo.");
  await anaPage.screenshot({ path: "e2e/snapshots/case-decision.png" });
  await anaPage.getByRole("button", { name: /^Decline/ }).click();
  await expect(anaPage.getByRole("status").filter({ hasText: "awaits a second reviewer" })).toBeVisible();
  expect((await api(a, "GET", `/v3/session/${cases[0]}/decision/`)).body.status).toBe("In Review");
  await select(anaPage, "case-one");
  await expect(anaPage.getByText("Another reviewer has to confirm or reject your decision.")).toBeVisible();

  // ben confirms it
  await benPage.reload();
  await select(benPage, "case-one");
  const panel = benPage.getByRole("region", { name: "Awaiting second review" });
  await expect(panel).toContainText(`Declined by ${ana.email}`);
  await expect(panel).toContainText("Face does not match the reference");
  await benPage.screenshot({ path: "e2e/snapshots/case-four-eyes.png" });
  await panel.getByRole("button", { name: "Confirm decline" }).click();
  await expect(benPage.getByRole("navigation", { name: "Cases" }).getByRole("button", { name: /case-one/ })).toHaveCount(0);
  const declined = (await api(a, "GET", `/v3/session/${cases[0]}/decision/`)).body;
  expect(declined.status).toBe("Declined");
  expect(declined.reviews.map((r: { action: string; reviewer: string }) => `${r.action}:${r.reviewer}`)).toEqual([`decline:${ana.email}`, `confirm:${ben.email}`]);

  // the race: both look at case two; ana approves first, ben's approval is refused with who and when
  await select(benPage, "case-two");
  await anaPage.reload();
  await select(anaPage, "case-two");
  await anaPage.getByLabel(/^Reason/).selectOption({ label: "Verified manually" });
  await anaPage.getByRole("button", { name: /^Approve/ }).click();
  await expect(anaPage.getByRole("status").filter({ hasText: "approved" })).toBeVisible();
  await benPage.getByLabel(/Internal comment/).fill("Checked the device history, fine.");
  await benPage.getByRole("button", { name: /^Approve/ }).click();
  const approvedAt = (await api(a, "GET", `/v3/sessions/${cases[1]}/reviews/`)).body.reviews.at(-1).created_at as string;
  const local = new Date(approvedAt).toLocaleString("de-DE", { timeZone: "Asia/Tokyo", dateStyle: "medium", timeStyle: "medium" });
  const refused = benPage.getByRole("alert").filter({ hasText: `Already Approved by ${ana.email} at ${local}` });
  await expect(refused).toBeVisible();
  await expect(benPage.getByLabel("Your unsent comment")).toHaveValue("Checked the device history, fine.");
  await benPage.screenshot({ path: "test-results/case-team/conflict.png" });

  // the case record shows both four-eyes reviews
  await benPage.goto(`${server.url}/sessions/${cases[0]}`);
  await expect(benPage.getByLabel("Reviews")).toContainText("Second review: confirmed");
  await expect(benPage.getByLabel("Reviews")).toContainText("Reason: Face does not match the reference");

  // a note that mentions a colleague, then re-open and escalate from the case's actions
  await benPage.getByLabel("Comment").fill(`@${ana.email} the customer sent a new ID photo, worth another look`);
  await benPage.getByRole("button", { name: "Add comment" }).click();
  await expect(benPage.getByLabel("Reviews")).toContainText(`Mentions ${ana.email}`);
  await benPage.getByLabel(/^Why\?/).fill("New evidence from the customer.");
  await benPage.getByRole("button", { name: "Re-open for review" }).click();
  await expect(benPage.getByTestId("session-status")).toHaveText("In Review");
  await benPage.getByLabel(/^Escalate to/).selectOption({ label: "urgent" });
  await benPage.getByLabel(/^Why\?/).fill("Needs a senior look.");
  await benPage.getByRole("button", { name: "Escalate" }).click();
  await expect(benPage.getByText("Priority: urgent")).toBeVisible();
  await expect(benPage.getByLabel("Reviews")).toContainText("Escalated");
  await benPage.screenshot({ path: "test-results/case-team/case-actions.png", fullPage: true });
  expect((await api(a, "GET", `/v3/session/${cases[0]}/decision/`)).body.status).toBe("In Review");
});
