import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { loginConsole } from "../support/console-login";
import { requireFaceDatasets } from "../support/datasets";
import { api, CaptureClient, imageBytes, tokenOf, workflowIdByLabel, type Api } from "../support/sessions";
import { startTestServer, type TestServer } from "../support/test-server";

// The case view as a reviewer works it: selfie and kept reference side by side, zoom that moves both
// and starts fresh on the next case, the engine's overlay, a duplicate-face warning followed to the
// matched session, and the face put on a blocklist from the case. Real server, models and Chromium.
const admin = { email: "admin@evidence.test", password: "admin-password-1" };
const reviewer = { email: "reviewer@evidence.test", password: "reviewer-password-1" };
const KEY = "case-evidence-ui-key-0123456789abcdefgh";
const snapshots = "e2e/snapshots";
let server: TestServer;
let a: Api;
let cookie: string;
const ids: Record<string, string> = {};

async function consoleCall(method: string, path: string, json?: unknown) {
  const res = await fetch(`${server.url}${path}`, { method, headers: { cookie, ...(json ? { "content-type": "application/json" } : {}) }, body: json ? JSON.stringify(json) : undefined });
  return { status: res.status, body: await res.json().catch(() => null) };
}

async function capture(input: { workflowId: string; vendorData: string; selfie: string; portrait?: string; reauth?: boolean }) {
  const created = await api(a, "POST", "/v3/session/", {
    workflow_id: input.workflowId,
    vendor_data: input.vendorData,
    ...(input.reauth ? { workflow_type: "biometric_authentication" } : {}),
    ...(input.portrait ? { portrait_image: imageBytes(input.portrait).toString("base64") } : {}),
  });
  expect(created.status).toBe(201);
  const phone = new CaptureClient(server.url, tokenOf(created.body.url));
  const started = await phone.start();
  const done = await phone.captureLive(started.body.step.challenge.id, input.selfie);
  return { id: created.body.session_id as string, number: created.body.session_number as number, status: done.body.state.status as string };
}

const transforms = (page: Page) => page.getByTestId("compare-view").evaluateAll((els) => els.map((e) => (e as HTMLElement).style.transform));

requireFaceDatasets(test);

test.beforeAll(async () => {
  test.setTimeout(240_000);
  mkdirSync(snapshots, { recursive: true });
  server = await startTestServer({ env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, SEED_API_KEY: KEY } });
  a = { url: server.url, key: KEY };
  cookie = (await loginConsole(server.url, admin.email, admin.password))!;
  expect((await consoleCall("POST", "/api/console/users", { ...reviewer, role: "reviewer" })).status).toBe(201);
  const reauth = await workflowIdByLabel(a, "Selfie re-auth");
  // alice enrols (approved automatically: her portrait is not kept, by default)
  const alice = await capture({ workflowId: reauth, reauth: true, vendorData: "alice", portrait: "images/deepface-01/1.jpg", selfie: "images/deepface-01/2.jpg" });
  expect(alice.status).toBe("Approved");
  ids.alice = alice.id;
  ids.aliceNumber = String(alice.number);
  // mallory shows alice's face: the face-list check sends the case to review as a duplicate
  const lists = await api(a, "POST", "/v3/workflows/", { workflow_label: "Liveness and lists", features: [{ feature: "LIVENESS", config: { face_liveness_method: "PASSIVE" } }, { feature: "FACE_LIST_CHECK", config: { check_duplicates: true } }] });
  expect(lists.status).toBe(201);
  const mallory = await capture({ workflowId: lists.body.workflow_id, vendorData: "mallory", selfie: "images/deepface-01/3.jpg" });
  expect(mallory.status).toBe("In Review");
  ids.mallory = mallory.id;
  // carol lands In Review (every match short of 100 does now): her portrait is kept for the reviewer
  expect((await consoleCall("PATCH", "/api/console/thresholds", { faceMatchReviewThreshold: 100, faceMatchDeclineThreshold: 0, livenessReviewThreshold: 50, livenessDeclineThreshold: 50 })).status).toBe(200);
  const carol = await capture({ workflowId: reauth, reauth: true, vendorData: "carol", portrait: "images/deepface-05/1.jpg", selfie: "images/deepface-05/2.jpg" });
  expect(carol.status).toBe("In Review");
  ids.carol = carol.id;
  expect((await consoleCall("POST", "/api/console/lists", { name: "Fraud ring", kind: "blocklist" })).status).toBe(201);
});

test.afterAll(async () => {
  await server?.stop();
});

test("the case view: side by side, synchronized zoom reset per case, overlay, matches followed, add to a list", async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Email").fill(reviewer.email);
  await page.getByLabel("Password").fill(reviewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await page.goto(`${server.url}/review`);
  const queue = page.getByRole("navigation", { name: "Cases" });

  // carol: her selfie next to the portrait_image kept for review
  await queue.getByRole("button", { name: /carol/ }).click();
  const article = page.getByRole("article");
  await expect(article).toContainText("carol");
  await expect(article.getByRole("img", { name: "Selfie" })).toBeVisible();
  await expect(article.getByRole("img", { name: "Reference" })).toBeVisible();
  await expect(article.getByText("portrait_image sent with the session", { exact: true })).toBeVisible();
  await expect(article.getByRole("link", { name: /Open in a new tab/ })).toHaveCount(2);
  // one zoom for both images
  await page.getByLabel("Zoom both images").fill("2.5");
  await expect(page.getByTestId("zoom-level")).toHaveText("2.50×");
  expect(await transforms(page)).toEqual([expect.stringContaining("scale(2.5)"), expect.stringContaining("scale(2.5)")]);
  // rotate turns one side only
  await article.getByRole("button", { name: /Rotate/ }).last().click();
  expect((await transforms(page))[1]).toContain("rotate(90deg)");
  expect((await transforms(page))[0]).toContain("rotate(0deg)");
  // the overlay: face box, alignment points and the crops the engine used, on both images
  await page.getByLabel(/Show what the engine used/).check();
  await expect(page.getByTestId("face-overlay")).toHaveCount(2);
  await expect(page.getByTestId("engine-crops").first().getByRole("img", { name: /Aligned face/ })).toBeVisible();
  await article.getByRole("button", { name: /Reset view/ }).click();
  await page.getByLabel("Zoom both images").fill("1.5");
  await article.screenshot({ path: `${snapshots}/case-evidence.png` });

  // the next case starts from a fresh view
  await queue.getByRole("button", { name: /mallory/ }).click();
  await expect(article).toContainText("mallory");
  await expect(page.getByTestId("zoom-level")).toHaveText("1.00×");
  // (no reference on a liveness-only case: one image)
  expect(await transforms(page)).toEqual([expect.stringContaining("scale(1) translate(0px, 0px) rotate(0deg)")]);
  await expect(page.getByTestId("face-overlay")).toHaveCount(0);

  // the duplicate warning names the matched session and user; its face can be compared side by side
  const warning = article.getByTestId("warning-match");
  await expect(warning.getByRole("link", { name: `Matched session #${ids.aliceNumber} →` })).toBeVisible();
  await expect(warning.getByRole("link", { name: "user alice" })).toHaveAttribute("href", "/users/alice");
  const matched = article.getByTestId("matched-faces");
  await expect(matched).toContainText("Duplicate of another user");
  await matched.getByRole("button", { name: "Compare side by side" }).click();
  await expect(article.getByRole("img", { name: `Matched: session #${ids.aliceNumber} · alice` })).toBeVisible();

  // add this face to the blocklist from the case
  await article.getByLabel("List to add this face to").selectOption({ label: "Fraud ring (blocklist)" });
  await article.getByRole("button", { name: "Add this face to the list" }).click();
  await expect(article.getByTestId("case-lists").getByRole("link", { name: "Fraud ring" })).toBeVisible();
  await expect(article.getByTestId("case-lists")).not.toContainText("on no list");
  await article.screenshot({ path: `${snapshots}/case-matches.png` });

  // follow the match: the matched session's page, with the same evidence view
  await warning.getByRole("link", { name: `Matched session #${ids.aliceNumber} →` }).click();
  await expect(page).toHaveURL(`${server.url}/sessions/${ids.alice}`);
  await expect(page.getByRole("heading", { name: `Session #${ids.aliceNumber}` })).toBeVisible();
  await expect(page.getByText(/deleted when the session finished without review/)).toBeVisible();
  await expect(page.getByTestId("image-compare").getByRole("img", { name: "Selfie" })).toBeVisible();
});
