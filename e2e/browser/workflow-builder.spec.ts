import { readFileSync } from "node:fs";
import path from "node:path";
import { chromium, expect, test, type Page } from "@playwright/test";
import { chromiumArgs } from "../../playwright.config";
import { loginConsole } from "../support/console-login";
import { facesDir, requireFaceDatasets } from "../support/datasets";
import { makeFaceCamera } from "../support/face-camera";
import { center, connect } from "../support/builder-canvas";
import { startTestServer, type TestServer } from "../support/test-server";

const admin = { email: "builder-admin@example.test", password: "admin-password-1" };
const viewer = { email: "builder-viewer@example.test", password: "viewer-password-1" };
const apiKey = `wf-builder-${Date.now()}`;
let server: TestServer;
let workflowId = "";

test.describe.configure({ mode: "serial" });
test.use({ viewport: { width: 1440, height: 900 } });

test.beforeAll(async () => {
  server = await startTestServer({ env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, SEED_API_KEY: apiKey } });
});
test.afterAll(async () => server?.stop());

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
}

const node = (page: Page, type: string) => page.locator(`.react-flow__node-${type}`);

async function dropFromPalette(page: Page, type: string, at: { x: number; y: number }) {
  const canvas = page.getByTestId("workflow-canvas");
  const before = await node(page, type).count();
  await page.getByTestId(`palette-${type}`).dragTo(canvas, { targetPosition: at });
  await expect(node(page, type)).toHaveCount(before + 1);
}

// Fit the view first: selecting from the problems list may have scrolled a node out of sight.
async function selectNode(page: Page, type: string) {
  await page.locator(".react-flow__controls-fitview").click();
  await node(page, type).getByTestId("workflow-node").click({ position: { x: 60, y: 20 } });
}

// Publishing opens a dialog that asks for the version's note.
async function confirmPublish(page: Page, note: string) {
  const dialog = page.getByTestId("publish-dialog");
  await dialog.getByLabel("Version note").fill(note);
  await dialog.getByRole("button", { name: /^Publish/ }).click();
}



test("an admin builds a branching workflow, fixes its problems and publishes it", async ({ page }) => {
  await signIn(page, admin);
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Workflows" }).click();
  await page.getByLabel("Workflow name").fill("Liveness with review branch");
  await page.getByLabel("Start from").selectOption("blank");
  await page.getByRole("button", { name: "Create workflow" }).click();
  await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}$/);
  workflowId = page.url().split("/").pop()!;
  await expect(node(page, "start")).toHaveCount(1);
  const publish = page.getByTestId("workflow-builder").getByRole("button", { name: "Publish", exact: true });
  await expect(publish).toBeDisabled();

  const box = (await page.getByTestId("workflow-canvas").boundingBox())!;
  const cx = box.width / 2;
  const cy = box.height / 2;
  // zoom out a little so the nodes fit around the start node
  await page.locator(".react-flow__controls-zoomout").click();
  await page.locator(".react-flow__controls-zoomout").click();
  await dropFromPalette(page, "LIVENESS", { x: cx - 170, y: cy - 200 });
  await dropFromPalette(page, "CONDITION", { x: cx + 170, y: cy - 200 });
  await dropFromPalette(page, "FACE_MATCH", { x: cx - 170, y: cy + 130 });
  await dropFromPalette(page, "END_IN_REVIEW", { x: cx + 170, y: cy + 130 });
  // keyboard users: the palette entries are buttons that add the node in view
  await page.getByTestId("palette-END_APPROVED").focus();
  await page.keyboard.press("Enter");
  await expect(node(page, "END_APPROVED")).toHaveCount(1);
  // it lands in the middle of the view: move it out of the way by dragging it
  const added = await center(node(page, "END_APPROVED").getByText("Session ends as Approved"));
  await page.mouse.move(added.x, added.y);
  await page.mouse.down();
  await page.mouse.move(box.x + cx - 170, box.y + cy + 300, { steps: 8 });
  await page.mouse.up();
  await expect(node(page, "CONDITION").getByTestId("workflow-node")).toHaveAttribute("data-invalid", "true");

  await connect(page, node(page, "start"), "next", node(page, "LIVENESS"));
  await connect(page, node(page, "LIVENESS"), "next", node(page, "CONDITION"));
  await connect(page, node(page, "CONDITION"), "true", node(page, "FACE_MATCH"));
  await connect(page, node(page, "CONDITION"), "false", node(page, "END_IN_REVIEW"));
  await connect(page, node(page, "FACE_MATCH"), "next", node(page, "END_APPROVED"));
  await expect(page.locator(".react-flow__edge")).toHaveCount(5);

  // the only problem left is the condition's missing score range, shown on the node and in the list
  await expect(page.getByTestId("problems-count")).toHaveText("1");
  await expect(node(page, "CONDITION").getByRole("note")).toContainText("Set min, max or both");
  await page.getByRole("tab", { name: /Problems/ }).click();
  await page.getByTestId("problems-list").getByRole("button", { name: /Condition/ }).click();
  const inspector = page.getByTestId("node-inspector");
  await expect(inspector.getByLabel("Branch on")).toHaveValue("score_range");
  await inspector.getByLabel("Score of").selectOption("LIVENESS");
  await inspector.getByLabel("Minimum score").fill("80");
  await expect(node(page, "CONDITION").getByTestId("workflow-node")).toHaveAttribute("data-invalid", "false");
  await expect(page.getByTestId("problems-count")).toHaveText("0");
  await expect(publish).toBeEnabled();

  // liveness: a stricter method and thresholds; a bad pair is refused on the spot
  await selectNode(page, "LIVENESS");
  await inspector.getByLabel("Method").selectOption("FLASHING");
  await inspector.getByLabel("Method").selectOption("PASSIVE");
  await inspector.getByLabel("Review below").fill("40");
  await inspector.getByLabel("Decline below").fill("60");
  await expect(inspector).toContainText("review_threshold must be greater than or equal to decline_threshold");
  await expect(publish).toBeDisabled();
  await inspector.getByLabel("Review below").fill("70");
  await expect(publish).toBeEnabled();

  // keyboard delete + undo/redo, copy/paste
  await selectNode(page, "END_APPROVED");
  await page.keyboard.press("Delete");
  await expect(node(page, "END_APPROVED")).toHaveCount(0);
  await expect(publish).toBeDisabled();
  await page.keyboard.press("Control+z");
  await expect(node(page, "END_APPROVED")).toHaveCount(1);
  await page.keyboard.press("Control+Shift+z");
  await expect(node(page, "END_APPROVED")).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(node(page, "END_APPROVED")).toHaveCount(1);
  await expect(page.locator(".react-flow__edge")).toHaveCount(5);
  await selectNode(page, "END_IN_REVIEW");
  await page.keyboard.press("Control+c");
  await page.keyboard.press("Control+v");
  await expect(node(page, "END_IN_REVIEW")).toHaveCount(2);
  await expect(publish).toBeDisabled();
  await page.keyboard.press("Control+z");
  await expect(node(page, "END_IN_REVIEW")).toHaveCount(1);
  await expect(publish).toBeEnabled();

  await page.getByRole("button", { name: "Auto-layout" }).click();
  await selectNode(page, "CONDITION");
  await page.waitForTimeout(400);
  await page.screenshot({ path: "test-results/workflow-builder.png" });

  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status")).toContainText("Draft saved");
  await publish.click();
  await confirmPublish(page, "First version");
  await expect(page.getByRole("status")).toContainText("Published version 1");
  await expect(page.getByText("Live: v1")).toBeVisible();

  const res = await fetch(`${server.url}/v3/workflows/${workflowId}/`, { headers: { "x-api-key": apiKey } });
  expect(res.status).toBe(200);
  const published = (await res.json()) as { version: number; graph: { nodes: { id: string; type: string; config: Record<string, unknown> }[]; edges: { source: string; target: string; sourceHandle: string | null }[] } };
  expect(published.version).toBe(1);
  const byId = new Map(published.graph.nodes.map((n) => [n.id, n]));
  const condition = published.graph.nodes.find((n) => n.type === "CONDITION")!;
  expect(condition.config).toEqual({ signal: "score_range", feature: "LIVENESS", min: 80 });
  const branch = (handle: string) => byId.get(published.graph.edges.find((e) => e.source === condition.id && e.sourceHandle === handle)!.target)!.type;
  expect(branch("true")).toBe("FACE_MATCH");
  expect(branch("false")).toBe("END_IN_REVIEW");
  expect(published.graph.nodes.find((n) => n.type === "LIVENESS")!.config).toMatchObject({ face_liveness_method: "PASSIVE", review_threshold: 70, decline_threshold: 60 });

  // a second version, then the diff between the two
  await selectNode(page, "CONDITION");
  await inspector.getByLabel("Minimum score").fill("85");
  await publish.click();
  await confirmPublish(page, "Stricter liveness branch");
  await expect(page.getByRole("status")).toContainText("Published version 2");
  await page.getByRole("tab", { name: /Versions/ }).click();
  await expect(page.getByTestId("versions-count")).toHaveText("2");
  const versions = page.getByTestId("versions-panel");
  await expect(versions.getByLabel("From", { exact: true })).toHaveValue("1");
  await expect(versions.getByLabel("To", { exact: true })).toHaveValue("2");
  await expect(page.getByTestId("version-diff")).toContainText("min: 80 → 85");

  const exported = await page.request.get(`${server.url}/api/console/workflows/${workflowId}/export?version=1`);
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-disposition"]).toContain("v1.json");
  const file = await exported.json();
  expect(file).toMatchObject({ format: "faceid.workflow.v1", version: 1 });

  // import: a broken file is refused, a real export replaces the draft (version 1's min score comes back)
  await page.getByRole("button", { name: "Import JSON" }).click();
  await page.getByLabel("Workflow JSON").fill('{"nodes": "nope"}');
  await page.getByRole("dialog").getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("dialog").getByRole("alert")).toContainText("Not a workflow export");
  await page.getByLabel("Workflow JSON").fill(JSON.stringify(file));
  await page.getByRole("dialog").getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(node(page, "CONDITION")).toContainText("Liveness score ≥ 80");
});

test("a session on the built workflow runs it with the fake camera and records the branch taken", async () => {
  requireFaceDatasets(test);
  const camera = await makeFaceCamera(path.join(facesDir, "images/deepface-01/2.jpg"), "person-a");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: [...chromiumArgs, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${camera}`] });
  try {
    const portrait = readFileSync(path.join(facesDir, "images/deepface-01/1.jpg")).toString("base64");
    const created = await fetch(`${server.url}/v3/session/`, { method: "POST", headers: { "x-api-key": apiKey, "content-type": "application/json" }, body: JSON.stringify({ workflow_id: workflowId, vendor_data: "builder-user", portrait_image: portrait }) });
    expect(created.status).toBe(201);
    const session = (await created.json()) as { session_id: string; url: string };
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
    await page.goto(session.url);
    await page.getByRole("button", { name: "Start" }).click();
    await expect(page.getByTestId("screen-result")).toBeVisible({ timeout: 45_000 });
    const res = await fetch(`${server.url}/v3/session/${session.session_id}/decision/`, { headers: { "x-api-key": apiKey } });
    const decision = (await res.json()) as { status: string; liveness: { score: number }; path_taken: string[] };
    const live = (await (await fetch(`${server.url}/v3/workflows/${workflowId}/`, { headers: { "x-api-key": apiKey } })).json()) as { graph: { nodes: { id: string; type: string; config: { min?: number } }[] } };
    const id = (type: string) => live.graph.nodes.find((n) => n.type === type)!.id;
    const min = live.graph.nodes.find((n) => n.type === "CONDITION")!.config.min!;
    expect(decision.path_taken.slice(0, 3)).toEqual([id("start"), id("LIVENESS"), id("CONDITION")]);
    if (decision.liveness.score >= min) expect(decision.path_taken.slice(3)).toEqual([id("FACE_MATCH"), id("END_APPROVED")]);
    else expect(decision).toMatchObject({ status: "In Review", path_taken: [id("start"), id("LIVENESS"), id("CONDITION"), id("END_IN_REVIEW")] });
  } finally {
    await browser.close();
  }
});

test("a viewer sees the builder read-only", async ({ browser }) => {
  const cookie = await loginConsole(server.url, admin.email, admin.password);
  const created = await fetch(`${server.url}/api/console/users`, {
    method: "POST",
    headers: { cookie: cookie!, "content-type": "application/json" },
    body: JSON.stringify({ ...viewer, role: "viewer" }),
  });
  expect(created.status).toBe(201);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signIn(page, viewer);
  await page.goto(`${server.url}/workflows`);
  await expect(page.getByRole("button", { name: "Create workflow" })).toHaveCount(0);
  await page.getByRole("link", { name: "Liveness with review branch" }).click();
  await expect(page.getByText("Read-only", { exact: true })).toBeVisible();
  await expect(node(page, "CONDITION")).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Publish" })).toHaveCount(0);
  await expect(page.getByTestId("palette-LIVENESS")).toBeDisabled();
  await selectNode(page, "CONDITION");
  await expect(page.getByTestId("node-inspector").getByLabel("Minimum score")).toBeDisabled();
  await page.keyboard.press("Delete");
  await expect(node(page, "CONDITION")).toHaveCount(1);

  const viewerCookie = await loginConsole(server.url, viewer.email, viewer.password);
  const read = await fetch(`${server.url}/api/console/workflows/${workflowId}`, { headers: { cookie: viewerCookie! } });
  expect(read.status).toBe(200);
  const write = await fetch(`${server.url}/api/console/workflows/${workflowId}/draft`, {
    method: "PUT",
    headers: { cookie: viewerCookie!, "content-type": "application/json" },
    body: JSON.stringify({ graph: { nodes: [], edges: [] } }),
  });
  expect(write.status).toBe(403);
  await context.close();
});
