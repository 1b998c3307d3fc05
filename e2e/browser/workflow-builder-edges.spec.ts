import { expect, test, type Page } from "@playwright/test";
import { api } from "../support/sessions";
import { signInPage } from "../support/sign-in-page";
import { startTestServer, type TestServer } from "../support/test-server";

const admin = { email: "edges-admin@example.test", password: "admin-password-1" };
const apiKey = "edges-key-0123456789abcdefgh";
let server: TestServer;
let workflowId = "";

test.describe.configure({ mode: "serial" });
test.use({ viewport: { width: 1280, height: 800 } });

test.beforeAll(async () => {
  server = await startTestServer({ env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, SEED_API_KEY: apiKey } });
  // seven nodes on a 3 x 3 grid, taller than wide, the last one in the bottom-right corner: fitted to the
  // canvas it sits where the minimap is unless the view keeps that corner clear
  const chain: [string, string][] = [["start", "start"], ["ip", "IP_ANALYSIS"], ["dev", "DEVICE_CHECK"], ["live", "LIVENESS"], ["m", "FACE_MATCH"], ["list", "FACE_LIST_CHECK"], ["ok", "END_APPROVED"]];
  const slot = (i: number) => (i === chain.length - 1 ? 8 : i);
  const graph = {
    nodes: chain.map(([id, type], i) => ({ id, type, position: { x: (slot(i) % 3) * 260, y: Math.floor(slot(i) / 3) * 360 }, config: {} })),
    edges: chain.slice(1).map(([id], i) => ({ id: `e-${i}`, source: chain[i][0], target: id, sourceHandle: null })),
  };
  workflowId = (await api({ url: server.url, key: apiKey }, "POST", "/v3/workflows/", { workflow_label: "Edges", graph })).body.workflow_id;
});
test.afterAll(async () => server?.stop());

async function openBuilder(page: Page) {
  await signInPage(page, server.url, admin);
  await page.goto(`${server.url}/workflows/${workflowId}`);
  await expect(page.getByTestId("workflow-builder")).toBeVisible();
}
const card = (page: Page, type: string) => page.locator(`.react-flow__node-${type}`).getByTestId("workflow-node");
const overlaps = (p: { x: number; y: number; width: number; height: number }, q: { x: number; y: number; width: number; height: number }) =>
  p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;

test("switching a check to By result asks for its new outputs, not the old next", async ({ page }) => {
  await openBuilder(page);
  await card(page, "FACE_MATCH").click({ position: { x: 60, y: 20 } });
  const inspector = page.getByTestId("node-inspector");
  await expect(inspector.getByTestId("routing-explainer")).toContainText("a score below this check's review threshold sends the session to In Review");
  await inspector.getByLabel("By result: approved / review / declined").check();
  await expect(inspector).toContainText('Connect the "approved" output');
  await expect(inspector).not.toContainText('"next"');
  await expect(inspector.getByTestId("routing-explainer")).toContainText("the end node the path reaches decides the status");
  await expect(page.getByTestId("problems-list")).toHaveCount(0);
  await page.getByRole("tab", { name: /Problems/ }).click();
  await expect(page.getByTestId("problems-list")).not.toContainText('"next"');
  await expect(page.getByTestId("problems-list")).toContainText('Connect the "declined" output');
});

test("clicking a node while the Problems tab is open opens it in the inspector", async ({ page }) => {
  await openBuilder(page);
  await page.getByRole("tab", { name: /Problems/ }).click();
  // this workflow is valid: the tab says so
  await expect(page.getByTestId("no-problems")).toBeVisible();
  await card(page, "LIVENESS").click({ position: { x: 60, y: 20 } });
  await expect(page.getByRole("tab", { name: "Inspector" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("node-inspector")).toContainText("Liveness");
  // and again from another tab, for another node
  await page.getByRole("tab", { name: /Problems/ }).click();
  await card(page, "IP_ANALYSIS").click({ position: { x: 60, y: 20 } });
  await expect(page.getByTestId("node-inspector").getByRole("heading")).toContainText("IP");
});

test("palette descriptions are readable in full and the minimap covers no node", async ({ page }) => {
  await openBuilder(page);
  const descriptions = page.getByTestId("palette-description");
  expect(await descriptions.count()).toBeGreaterThan(5);
  for (const d of await descriptions.all()) {
    const cut = await d.evaluate((el) => el.scrollWidth > el.clientWidth || getComputedStyle(el).textOverflow === "ellipsis");
    expect(cut, await d.textContent() ?? "").toBe(false);
  }
  await page.locator(".react-flow__controls-fitview").click();
  const minimap = (await page.locator(".react-flow__minimap").boundingBox())!;
  const controls = (await page.locator(".react-flow__controls").boundingBox())!;
  const nodes = await page.locator(".react-flow__node").all();
  expect(nodes.length).toBe(7);
  for (const n of nodes) {
    const box = (await n.boundingBox())!;
    expect(overlaps(box, minimap), "a node under the minimap").toBe(false);
    expect(overlaps(box, controls), "a node under the zoom controls").toBe(false);
  }
  await page.screenshot({ path: "test-results/workflow-builder-edges.png" });
});
