import path from "node:path";
import { chromium, expect, test, type Browser } from "@playwright/test";
import { chromiumArgs } from "../../playwright.config";
import { makeFakeCamera } from "../fixtures/fake-camera";
import { completeCapture } from "../support/complete-capture";
import { facesDir, requireFaceDatasets } from "../support/datasets";
import { api, type Api } from "../support/sessions";
import { startTestServer, type TestServer } from "../support/test-server";

// The resubmission loop as the user and the reviewer live it: a selfie through the hosted page (Chromium's
// fake camera playing a dataset face) lands in review, the reviewer asks for a new photo with a reason
// and a comment for the customer, the same link shows why and takes a new attempt, which goes through
// the workflow again and back to the queue.
const admin = { email: "admin@resubmit.test", password: "admin-password-1" };
const shots = "test-results/case-resubmission";
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
let server: TestServer;
let browser: Browser;
let a: Api;

requireFaceDatasets(test);

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const camera = makeFakeCamera({ kind: "face", image: path.join(facesDir, "images/deepface-01/1.jpg") });
  server = await startTestServer({ env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, SEED_API_KEY: "resubmit-key-0123456789abcdefgh" } });
  a = { url: server.url, key: "resubmit-key-0123456789abcdefgh" };
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...chromiumArgs, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${camera}`],
  });
});

test.afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test("a reviewer asks for a new selfie, the user sees why on the same link and tries again", async () => {
  test.setTimeout(240_000);
  // every case from a device not seen before goes to a person
  const workflow = await api(a, "POST", "/v3/workflows/", {
    workflow_label: "Review new devices",
    features: [{ feature: "LIVENESS", config: { face_liveness_method: "PASSIVE", max_attempts: 3, decline_threshold: 0, review_threshold: 0 } }, { feature: "DEVICE_CHECK", config: { review_new_device: true } }],
  });
  expect(workflow.status).toBe(201);
  const session = await api(a, "POST", "/v3/session/", { workflow_id: workflow.body.workflow_id, vendor_data: "rita" });
  const user = await (await browser.newContext(phone)).newPage();
  await user.goto(session.body.url);
  expect(await completeCapture(user, user, "first", shots)).toBe("In Review");

  const desk = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await desk.goto(`${server.url}/login`);
  await desk.getByLabel("Email").fill(admin.email);
  await desk.getByLabel("Password").fill(admin.password);
  await desk.getByRole("button", { name: "Sign in" }).click();
  await expect(desk.getByRole("heading", { name: "Overview" })).toBeVisible();
  // the admin adds a reason of the team's own in Settings (a duplicate code is refused)
  await desk.goto(`${server.url}/settings`);
  const reasons = desk.getByRole("table", { name: "Reason codes" });
  await desk.getByRole("button", { name: "Add a reason" }).click();
  const last = await reasons.getByRole("row").count();
  await desk.getByLabel(`Code ${last - 1}`).fill("other");
  await desk.getByLabel(`Label ${last - 1}`).fill("Glasses on");
  await desk.getByRole("button", { name: "Save reasons" }).click();
  await expect(desk.getByRole("alert").filter({ hasText: "The code other is used twice" })).toBeVisible();
  await desk.getByLabel(`Code ${last - 1}`).fill("glasses_on");
  await desk.getByLabel(`${"glasses_on"}: Resubmitted`).check();
  await desk.getByRole("button", { name: "Save reasons" }).click();
  await expect(desk.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  // saved at once (the box follows the server's answer)
  await desk.getByLabel("Add the face of every declined session", { exact: false }).click();
  await expect(desk.getByLabel("Add the face of every declined session", { exact: false })).toBeChecked();
  await desk.reload();
  await expect(desk.getByLabel(`Label ${last - 1}`)).toHaveValue("Glasses on");
  await expect(desk.getByLabel("Add the face of every declined session", { exact: false })).toBeChecked();
  await desk.getByRole("heading", { name: "Case decisions" }).scrollIntoViewIfNeeded();
  await desk.screenshot({ path: `${shots}/settings-reasons.png` });

  await desk.goto(`${server.url}/review`);
  await expect(desk.getByRole("article")).toContainText("rita");
  await expect(desk.getByLabel(/^Reason/).locator("option", { hasText: "Glasses on" })).toHaveCount(1);
  await desk.getByRole("button", { name: /^Request resubmission/ }).click();
  await expect(desk.getByRole("alert").filter({ hasText: "Pick the reason you ask for a new attempt" })).toBeVisible();
  await desk.getByLabel(/^Reason/).selectOption({ label: "Poor image quality" });
  await desk.getByLabel(/^Comment for the customer/).fill("Please face a window so your face is evenly lit.");
  await desk.getByLabel(/Internal comment/).fill("Motion blur on every frame.");
  await desk.getByRole("button", { name: /^Request resubmission/ }).click();
  await expect(desk.getByRole("status").filter({ hasText: "handed back to the user" })).toBeVisible();
  expect((await api(a, "GET", `/v3/session/${session.body.session_id}/decision/`)).body).toMatchObject({ status: "Resubmitted", resubmissions: 1 });

  // the same link: why, then a new attempt through the workflow
  await user.reload();
  await expect(user.getByRole("heading", { name: "Please take your selfie again" })).toBeVisible();
  await expect(user.getByTestId("resubmission-note")).toContainText("The photo was not clear enough.");
  await expect(user.getByTestId("resubmission-note")).toContainText("Please face a window so your face is evenly lit.");
  await expect(user.getByTestId("resubmission-note")).not.toContainText("Motion blur");
  await user.screenshot({ path: "e2e/snapshots/case-resubmission.png" });
  expect(await completeCapture(user, user, "second", shots)).toBe("In Review");

  const decision = (await api(a, "GET", `/v3/session/${session.body.session_id}/decision/`)).body;
  expect(decision.status).toBe("In Review");
  expect(decision.liveness_checks.length).toBeGreaterThanOrEqual(2);
  const attempts = decision.liveness_checks.map((l: { attempt: number }) => l.attempt);
  expect(attempts).toEqual([...attempts].sort((x: number, y: number) => x - y));
  expect(new Set(attempts).size).toBe(attempts.length);

  // back in the queue; the case's record shows the request with its reason
  await desk.goto(`${server.url}/sessions/${session.body.session_id}`);
  await expect(desk.getByLabel("Reviews")).toContainText("Resubmission requested");
  await expect(desk.getByLabel("Reviews")).toContainText("Reason: Poor image quality");
  await expect(desk.getByLabel("Reviews")).toContainText("To the customer: Please face a window");
  await desk.goto(`${server.url}/review`);
  await expect(desk.getByRole("article")).toContainText("rita");
  await desk.getByLabel(/^Reason/).selectOption({ label: "Verified manually" });
  await desk.getByRole("button", { name: /^Approve/ }).click();
  await expect(desk.getByRole("status").filter({ hasText: "approved" })).toBeVisible();
  expect((await api(a, "GET", `/v3/session/${session.body.session_id}/decision/`)).body.status).toBe("Approved");
});
