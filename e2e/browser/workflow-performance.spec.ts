import { expect, test, type Page } from "@playwright/test";
import { splitBucket } from "@/lib/workflows/pick-split-branch";
import { abLivenessGraph } from "@/lib/workflows/test-graphs";
import { requireFaceDatasets } from "../support/datasets";
import { api, CaptureClient, tokenOf, type Api } from "../support/sessions";
import { signInPage } from "../support/sign-in-page";
import { startTestServer, type TestServer } from "../support/test-server";

const admin = { email: "perf-admin@example.test", password: "admin-password-1" };
const apiKey = "perf-key-0123456789abcdefgh";
let server: TestServer;
let a: Api;
let workflowId = "";
const sessions: { id: string; branch: "a" | "b" }[] = [];

test.describe.configure({ mode: "serial" });
test.use({ viewport: { width: 1440, height: 900 } });

// Branch b's liveness step reviews every score below 100: In Review although its path ends at Approved.
const abGraph = abLivenessGraph();

test.beforeAll(async () => {
  test.setTimeout(240_000);
  requireFaceDatasets(test);
  server = await startTestServer({ env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, SEED_API_KEY: apiKey, TRUSTED_PROXIES: "127.0.0.1" } });
  a = { url: server.url, key: apiKey };
  workflowId = (await api(a, "POST", "/v3/workflows/", { workflow_label: "Liveness A/B", graph: abGraph })).body.workflow_id;
  // real captures (dataset face, real models) until each branch has two sessions
  for (let i = 0; i < 16 && (sessions.filter((s) => s.branch === "a").length < 2 || sessions.filter((s) => s.branch === "b").length < 2); i++) {
    const s = await api(a, "POST", "/v3/session/", { workflow_id: workflowId });
    const phone = new CaptureClient(server.url, tokenOf(s.body.url), { "x-forwarded-for": `198.51.100.${10 + i}` });
    const started = await phone.start();
    await phone.captureLive(started.body.step.challenge.id, "images/deepface-01/2.jpg");
    sessions.push({ id: s.body.session_id, branch: splitBucket(s.body.session_id, "ab") < 50 ? "a" : "b" });
  }
});
test.afterAll(async () => server?.stop());

const signIn = (page: Page) => signInPage(page, server.url, admin);

test("the Performance tab shows outcomes per branch, and the sessions of a branch are one click away", async ({ page }) => {
  const inA = sessions.filter((s) => s.branch === "a").length;
  const inB = sessions.length - inA;
  await signIn(page);
  await page.goto(`${server.url}/workflows/${workflowId}`);
  await page.getByRole("navigation", { name: "Workflow" }).getByRole("link", { name: "Performance" }).click();
  await expect(page).toHaveURL(new RegExp(`/workflows/${workflowId}/performance$`));
  const overall = page.getByTestId("performance-overall");
  await expect(overall.getByText("Sessions", { exact: true }).locator("..")).toContainText(String(sessions.length));
  await expect(overall.getByText("Approval rate").locator("..")).toContainText(`${Math.round((inA / sessions.length) * 1000) / 10} %`);
  await expect(page.getByTestId("branch-sessions-a")).toHaveText(String(inA));
  await expect(page.getByTestId("branch-sessions-b")).toHaveText(String(inB));
  await expect(page.getByTestId("split-significance")).toContainText("Not enough data");
  // the charts drew their bars
  await expect(page.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await page.screenshot({ path: "e2e/snapshots/workflow-performance.png", fullPage: true });

  await page.getByTestId("branches-ab").getByRole("link", { name: "b", exact: true }).click();
  await expect(page).toHaveURL(/\/sessions\?workflow=.*&branch=ab%3Ab/);
  await expect(page.getByLabel("A/B branch")).toHaveValue("ab:b");
  await expect(page.locator("tbody tr")).toHaveCount(inB);
  await expect(page.locator("tbody")).not.toContainText("Approved");
});

test("a case says what decided it", async ({ page }) => {
  const reviewed = sessions.find((s) => s.branch === "b")!;
  const approved = sessions.find((s) => s.branch === "a")!;
  await signIn(page);
  await page.goto(`${server.url}/sessions/${reviewed.id}`);
  await expect(page.getByTestId("session-status")).toHaveText("In Review");
  await expect(page.getByTestId("decided-by")).toContainText(/In Review because the liveness score \d+ is below this workflow's review threshold 100, although the path ended at Approved\./);
  await page.screenshot({ path: "test-results/case-decided-by.png" });
  await page.goto(`${server.url}/sessions/${approved.id}`);
  await expect(page.getByTestId("decided-by")).toContainText("Approved because the path ended at the Approved end.");
  await page.goto(`${server.url}/review?case=${reviewed.id}`);
  await expect(page.getByRole("article").getByTestId("decided-by")).toContainText("below this workflow's review threshold 100");
});

test("a workflow override edited on the tuning page becomes a draft, and the builder opens to publish it", async ({ page }) => {
  await signIn(page);
  await page.goto(`${server.url}/tuning`);
  await expect(page.getByText(/ran under a workflow's own thresholds/).first()).toBeVisible();
  const row = page.getByTestId("override-lb");
  await row.getByLabel("Liveness A/B LIVENESS review below").fill("60");
  await row.getByRole("button", { name: "Save as draft" }).click();
  await expect(page).toHaveURL(new RegExp(`/workflows/${workflowId}$`));
  await expect(page.getByTestId("workflow-builder")).toBeVisible();
  const draft = await (await page.request.get(`${server.url}/api/console/workflows/${workflowId}`)).json();
  expect(draft.draft.nodes.find((n: { id: string }) => n.id === "lb").config.review_threshold).toBe(60);
});
