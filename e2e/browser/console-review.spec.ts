import { createServer, type Server } from "node:http";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { loginConsole } from "../support/console-login";
import { requireFaceDatasets } from "../support/datasets";
import { api, CaptureClient, imageBytes, tokenOf, workflowIdByLabel, type Api } from "../support/sessions";
import { getFreePort, startTestServer, type TestServer } from "../support/test-server";

// Acceptance of the review console: real server, sessions driven through the hosted-capture endpoints
// with dataset photos, a local webhook receiver, and three console roles.
const admin = { email: "admin@console.test", password: "admin-password-1" };
const reviewer = { email: "reviewer@console.test", password: "reviewer-password-1" };
const viewer = { email: "viewer@console.test", password: "viewer-password-1" };
const shots = "test-results/console";
let server: TestServer;
let receiver: Server;
let a: Api;
let adminCookie: string;
const received: { session_id: string; status: string; webhook_type: string }[] = [];
const cases: Record<string, string> = {};

async function consoleCall(cookie: string, method: string, path: string, json?: unknown) {
  const res = await fetch(`${server.url}${path}`, { method, headers: { cookie, ...(json ? { "content-type": "application/json" } : {}) }, body: json ? JSON.stringify(json) : undefined });
  return { status: res.status, body: await res.json().catch(() => null) };
}

// A re-authentication the way a phone does it: start, passive selfie, outcome.
async function reauth(input: { vendorData: string; selfie: string; ip: string; portrait?: string; cookie?: string }) {
  const workflowId = await workflowIdByLabel(a, "Selfie re-auth");
  const created = await api(a, "POST", "/v3/session/", { workflow_id: workflowId, workflow_type: "biometric_authentication", vendor_data: input.vendorData, ...(input.portrait ? { portrait_image: imageBytes(input.portrait).toString("base64") } : {}) });
  expect(created.status).toBe(201);
  const phone = new CaptureClient(server.url, tokenOf(created.body.url), { "x-forwarded-for": input.ip });
  const started = await phone.start();
  const done = await phone.captureLive(started.body.step.challenge.id, input.selfie);
  return { id: created.body.session_id as string, status: done.body.state.status as string };
}

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
}

async function newPage(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  return context.newPage();
}

requireFaceDatasets(test);

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const port = await getFreePort();
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push(JSON.parse(body));
      res.writeHead(200).end("ok");
    });
  }).listen(port, "127.0.0.1");
  // the test client plays a reverse proxy: X-Forwarded-For gives each session its address
  server = await startTestServer({ env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, SEED_API_KEY: "console-review-key-0123456789abcdefgh", TRUSTED_PROXIES: "127.0.0.1" } });
  a = { url: server.url, key: "console-review-key-0123456789abcdefgh" };
  adminCookie = (await loginConsole(server.url, admin.email, admin.password))!;
  for (const [who, role] of [[reviewer, "reviewer"], [viewer, "viewer"]] as const) {
    expect((await consoleCall(adminCookie, "POST", "/api/console/users", { ...who, role })).status).toBe(201);
  }
  expect((await api(a, "POST", "/v3/webhook/destinations/", { label: "Test receiver", url: `http://127.0.0.1:${port}/hook` })).status).toBe(201);

  // enrol two people with the default thresholds (70 / 50): their genuine selfies are approved
  for (const [vendorData, dir] of [["alice", "deepface-01"], ["bob", "deepface-05"]]) {
    const enrol = await reauth({ vendorData, portrait: `images/${dir}/1.jpg`, selfie: `images/${dir}/2.jpg`, ip: "203.0.113.10" });
    expect(enrol.status).toBe("Approved");
  }
  // a cautious review band: every face match short of a perfect 100 now goes to a person
  expect((await consoleCall(adminCookie, "PATCH", "/api/console/thresholds", { faceMatchReviewThreshold: 100, faceMatchDeclineThreshold: 0, livenessReviewThreshold: 50, livenessDeclineThreshold: 50 })).status).toBe(200);
  // alice again from a new phone and network (genuine), and someone else claiming to be bob (impostor)
  const genuine = await reauth({ vendorData: "alice", selfie: "images/deepface-01/3.jpg", ip: "203.0.113.20" });
  const impostor = await reauth({ vendorData: "bob", selfie: "images/deepface-06/2.jpg", ip: "203.0.113.30" });
  expect([genuine.status, impostor.status]).toEqual(["In Review", "In Review"]);
  cases.genuine = genuine.id;
  cases.impostor = impostor.id;
  // back to the defaults for new sessions; the two cases stay in review
  expect((await consoleCall(adminCookie, "PATCH", "/api/console/thresholds", { faceMatchReviewThreshold: 75, faceMatchDeclineThreshold: 50, livenessReviewThreshold: 50, livenessDeclineThreshold: 50 })).status).toBe(200);
});

test.afterAll(async () => {
  await server?.stop();
  receiver?.close();
});

test("a reviewer approves one case and declines another; statuses, audit log and webhooks follow", async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page, reviewer);
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Review queue" }).click();
  const queue = page.getByRole("navigation", { name: "Cases" });
  await expect(queue.getByRole("button")).toHaveCount(2);
  await expect(page.getByRole("img", { name: "Selfie" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Reference" })).toBeVisible();
  await page.screenshot({ path: `${shots}/review-queue.png` });

  // oldest first: alice's genuine re-auth. Take it, approve it with a comment.
  await expect(page.getByRole("article")).toContainText("alice");
  await page.getByRole("button", { name: "Assign to me" }).click();
  await expect(page.getByText("Assigned to you")).toBeVisible();
  await page.getByRole("button", { name: /^Approve/ }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Write why you approve" })).toBeVisible();
  await page.getByLabel(/Internal comment/).fill("Same person as the enrolment selfie; new phone explained by the user.");
  await page.getByRole("button", { name: /^Approve/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "approved" })).toBeVisible();

  // the impostor, with the keyboard: d, comment, Ctrl+Enter
  await expect(page.getByRole("article")).toContainText("bob");
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("d");
  await expect(page.getByLabel(/Internal comment/)).toBeFocused();
  await page.keyboard.type("Different person from the enrolled face.");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("alert").filter({ hasText: "Pick the reason you decline" })).toBeVisible();
  await page.getByLabel(/^Reason/).selectOption("face_mismatch");
  await page.getByLabel(/Internal comment/).press("Control+Enter");
  await expect(page.getByRole("status").filter({ hasText: "declined" })).toBeVisible();
  await expect(page.getByText("Nothing to review")).toBeVisible();

  const statusOf = async (id: string) => (await api(a, "GET", `/v3/session/${id}/decision/`)).body.status;
  expect(await statusOf(cases.genuine)).toBe("Approved");
  expect(await statusOf(cases.impostor)).toBe("Declined");

  // a second decision on the same case loses and learns who decided
  const reviewerCookie = (await loginConsole(server.url, reviewer.email, reviewer.password))!;
  const late = await consoleCall(reviewerCookie, "POST", `/api/console/sessions/${cases.genuine}/decision`, { decision: "Declined", reasonCode: "face_mismatch", comment: "too late" });
  expect(late.status).toBe(409);
  expect(late.body.error.message).toContain(reviewer.email);

  await expect.poll(() => received.filter((w) => [cases.genuine, cases.impostor].includes(w.session_id)).map((w) => w.status).sort(), { timeout: 20_000 }).toEqual(
    expect.arrayContaining(["Approved", "Declined", "In Review", "In Review"]),
  );

  await page.goto(`${server.url}/sessions/${cases.genuine}`);
  await expect(page.getByTestId("session-status")).toHaveText("Approved");
  await expect(page.getByLabel("Reviews")).toContainText("Same person as the enrolment selfie");
  await expect(page.locator('[data-event-status="Approved"][data-delivery-status="delivered"]')).toHaveCount(1);
  await page.getByLabel("Comment").fill("Customer confirmed by phone.");
  await page.getByRole("button", { name: "Add comment" }).click();
  await expect(page.getByLabel("Reviews")).toContainText("Customer confirmed by phone.");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${shots}/session-detail.png`, fullPage: true });

  await page.goto(`${server.url}/audit?actor=${encodeURIComponent(reviewer.email)}`);
  await expect(page.getByRole("cell", { name: "session.approved" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "session.declined" })).toBeVisible();
  await page.screenshot({ path: `${shots}/audit-log.png` });

  await page.goto(`${server.url}/sessions?status=Declined`);
  await expect(page.getByRole("link", { name: "bob" }).first()).toBeVisible();
  await page.goto(`${server.url}/sessions`);
  await page.screenshot({ path: `${shots}/sessions.png` });
});

test("a viewer sees the queue but cannot act", async ({ browser }) => {
  await consoleCall(adminCookie, "PATCH", "/api/console/thresholds", { faceMatchReviewThreshold: 100, faceMatchDeclineThreshold: 0, livenessReviewThreshold: 50, livenessDeclineThreshold: 50 });
  const extra = await reauth({ vendorData: "alice", selfie: "images/deepface-01/4.jpg", ip: "203.0.113.40" });
  expect(extra.status).toBe("In Review");
  const page = await newPage(browser);
  await signIn(page, viewer);
  await page.goto(`${server.url}/review`);
  await expect(page.getByRole("article")).toContainText("alice");
  await expect(page.getByRole("button", { name: /^Approve/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Assign to me" })).toHaveCount(0);
  await expect(page.getByText("You have view access")).toBeVisible();
  const viewerCookie = (await loginConsole(server.url, viewer.email, viewer.password))!;
  expect((await consoleCall(viewerCookie, "POST", `/api/console/sessions/${extra.id}/decision`, { decision: "Approved", comment: "x" })).status).toBe(403);
  expect((await consoleCall(viewerCookie, "POST", `/api/console/sessions/${extra.id}/assignment`)).status).toBe(403);
  expect((await consoleCall(viewerCookie, "POST", `/api/console/sessions/${extra.id}/comments`, { comment: "x" })).status).toBe(403);
});

test("an admin sees the trends, tunes thresholds, manages lists, webhooks and a deletion request", async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page, admin);
  await expect(page.getByText("Sessions per day")).toBeVisible();
  await page.screenshot({ path: `${shots}/overview.png`, fullPage: true });

  await page.goto(`${server.url}/tuning`);
  const review = page.getByRole("slider", { name: "Face match review threshold" });
  await expect(review).toHaveAttribute("aria-valuenow", "100");
  await review.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowLeft");
  await expect(review).toHaveAttribute("aria-valuenow", "90");
  await page.getByRole("button", { name: "Save thresholds" }).click();
  await expect(page.getByText("Saved. New sessions use these thresholds.")).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${shots}/tuning.png`, fullPage: true });

  await page.goto(`${server.url}/users`);
  await page.getByRole("link", { name: "alice" }).click();
  await expect(page.getByRole("heading", { name: "alice" })).toBeVisible();
  await expect(page.getByText("203.0.113.10")).toBeVisible();
  await page.screenshot({ path: `${shots}/users.png`, fullPage: true });

  await page.goto(`${server.url}/lists`);
  await page.getByLabel("List name").fill("Known fraudsters");
  await page.getByRole("button", { name: "Create list" }).click();
  await page.getByRole("link", { name: "Known fraudsters" }).click();
  await page.getByLabel("Session id").fill(cases.impostor);
  await page.getByRole("button", { name: "Add session selfie" }).click();
  await expect(page.getByRole("list", { name: "Faces" }).getByRole("img")).toHaveCount(1);
  await page.screenshot({ path: `${shots}/lists.png`, fullPage: true });
  const lists = (await consoleCall(adminCookie, "GET", "/api/console/lists")).body.data as { id: string; isSystem: boolean }[];
  expect((await consoleCall(adminCookie, "DELETE", `/api/console/lists/${lists.find((l) => l.isSystem)!.id}`)).status).toBe(409);

  await page.goto(`${server.url}/webhooks`);
  await page.getByRole("button", { name: "Send test event" }).click();
  await expect.poll(() => received.some((w) => (w as { metadata?: { test?: boolean } }).metadata?.test === true), { timeout: 15_000 }).toBe(true);
  await expect(page.getByRole("table", { name: "Recent deliveries" }).getByRole("button", { name: "Redeliver" }).first()).toBeVisible();
  await page.screenshot({ path: `${shots}/webhooks.png`, fullPage: true });
  await page.goto(`${server.url}/settings`);
  await page.screenshot({ path: `${shots}/settings.png`, fullPage: true });

  // a data-subject request for bob: everything goes, the audit entry keeps only a hash
  const erased = await consoleCall(adminCookie, "DELETE", "/api/console/end-users?vendor_data=bob");
  expect(erased.status).toBe(200);
  expect(erased.body.deleted).toMatchObject({ sessions: 2, devices: 1, ips: 1 });
  expect(erased.body.deleted.images).toBeGreaterThanOrEqual(2);
  expect((await api(a, "GET", "/v3/sessions/?vendor_data=bob")).body.count).toBe(0);
  await page.goto(`${server.url}/audit?action=end_user.deleted`);
  await expect(page.getByRole("cell", { name: "end_user.deleted" })).toBeVisible();
  await expect(page.locator("main")).not.toContainText("bob");
});
