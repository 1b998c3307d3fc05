import { expect, test, type Page } from "@playwright/test";
import { connect } from "../support/builder-canvas";
import { startTestServer, type TestServer } from "../support/test-server";

const admin = { email: "pm@example.test", password: "admin-password-1" };
const apiKey = `wf-publish-${Date.now()}`;
let server: TestServer;

test.use({ viewport: { width: 1440, height: 900 } });
test.beforeAll(async () => {
  server = await startTestServer({ env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, SEED_API_KEY: apiKey } });
});
test.afterAll(async () => server?.stop());

const node = (page: Page, type: string) => page.locator(`.react-flow__node-${type}`);



test("a product manager simulates a workflow, publishes it with a note and a 50% rollout, and rolls back", async ({ page }) => {
  // a real server and browser on a shared machine: the console pages can be slow to first render
  test.setTimeout(240_000);
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible({ timeout: 30_000 });
  await page.goto(`${server.url}/workflows`);
  await page.getByLabel("Workflow name").fill("Returning customers");
  await page.getByLabel("Start from").selectOption("liveness-review-branch");
  await page.getByRole("button", { name: "Create workflow" }).click();
  await expect(page).toHaveURL(/\/workflows\/[0-9a-f-]{36}$/);
  const workflowId = page.url().split("/").pop()!;

  // known devices go on to the face match, new ones to review
  await page.locator(".react-flow__controls-fitview").click();
  await node(page, "CONDITION").getByTestId("workflow-node").click({ position: { x: 60, y: 20 } });
  await page.getByTestId("node-inspector").getByLabel("Branch on").selectOption("known_device");
  await expect(node(page, "CONDITION")).toContainText(/known device/i);

  // simulate: a known device with good scores is approved, along the face match path
  await page.getByRole("button", { name: "Simulate" }).click();
  const panel = page.getByTestId("simulate-panel");
  await panel.getByLabel("Liveness score").fill("92");
  await panel.getByLabel("Face match score").fill("85");
  await panel.getByLabel("Known device").check();
  await panel.getByRole("button", { name: "Run simulation" }).click();
  const result = panel.getByTestId("simulation-result");
  await expect(result).toContainText("Approved");
  await expect(result.getByRole("list", { name: "Path taken" })).toContainText("Face match");
  await expect(node(page, "END_APPROVED")).toHaveClass(/sim-on-path/);
  await expect(node(page, "END_IN_REVIEW")).toHaveClass(/sim-off-path/);
  // the same scores from a new device land in review
  await panel.getByLabel("Known device").uncheck();
  await panel.getByRole("button", { name: "Run simulation" }).click();
  await expect(result).toContainText("In Review");
  await expect(node(page, "END_IN_REVIEW")).toHaveClass(/sim-on-path/);
  await expect(node(page, "FACE_MATCH")).toHaveClass(/sim-off-path/);
  // the panel narrowed the canvas: fit the whole path into view for the screenshot
  await page.locator(".react-flow__controls-fitview").click();
  await page.waitForTimeout(600);
  await page.screenshot({ path: "e2e/snapshots/workflow-simulate.png" });
  await panel.getByRole("button", { name: "Close simulation" }).click();

  // first version: a note is required
  const publish = page.getByTestId("workflow-builder").getByRole("button", { name: "Publish", exact: true });
  await publish.click();
  const dialog = page.getByTestId("publish-dialog");
  await expect(dialog).toContainText("First version");
  const confirm = dialog.getByRole("button", { name: /^Publish/ });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Version note").fill("Known devices skip manual review");
  await confirm.click();
  await expect(page.getByRole("status").first()).toContainText("Published version 1");

  // the inversion: known devices to review, new devices approved
  await page.locator(".react-flow__controls-fitview").click();
  // let the fit-view animation settle before dragging between handles
  await page.waitForTimeout(600);
  await connect(page, node(page, "CONDITION"), "true", node(page, "END_IN_REVIEW"));
  await connect(page, node(page, "CONDITION"), "false", node(page, "FACE_MATCH"));
  await expect(page.getByTestId("problems-count")).toHaveText("0");
  await publish.click();
  await expect(dialog.getByTestId("version-diff")).toContainText("true");
  await expect(dialog.getByTestId("publish-warnings")).toContainText("A new device can be approved while a known device is treated more strictly");
  await expect(dialog.getByTestId("replay-summary")).toContainText("Replayed 0 finished session(s) of version 1");
  await dialog.getByLabel("Version note").fill("Swap the device branches (trial)");
  await dialog.getByLabel("Roll out gradually").check();
  await dialog.getByLabel("Rollout percentage").fill("50");
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Publish anyway: I have checked these warnings").check();
  await expect(confirm).toBeEnabled();
  await page.screenshot({ path: "e2e/snapshots/workflow-publish.png" });
  await confirm.click();
  await expect(page.getByRole("status").first()).toContainText("Published version 2 to 50% of new sessions");
  const banner = page.getByTestId("rollout-banner");
  await expect(banner).toContainText("Rolling out version 2 to 50% of new sessions; version 1 runs the rest");

  // the history shows both notes; then roll back: version 1 takes every new session again
  await page.getByRole("tab", { name: /Versions/ }).click();
  await expect(page.getByTestId("version-note")).toHaveText(["Swap the device branches (trial)", "Known devices skip manual review"]);
  await banner.getByRole("button", { name: "Roll back" }).click();
  await expect(banner).toHaveCount(0);
  await expect(page.getByText("Rolled back: version 1 runs every new session again.")).toBeVisible();
  const state = await (await page.request.get(`${server.url}/api/console/workflows/${workflowId}`)).json();
  expect(state).toMatchObject({ published_version: 1, rollout: null });

  // restoring version 1 into the draft leaves nothing to publish, and the dialog says so
  await page.getByTestId("versions-panel").getByRole("button", { name: "Restore" }).last().click();
  await publish.click();
  await expect(dialog.getByRole("alert")).toContainText("Nothing changed since version 1");
  await expect(confirm).toBeDisabled();
});
