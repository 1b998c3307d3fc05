import path from "node:path";
import { chromium, expect, test, type Browser, type BrowserContextOptions, type Page, type Route } from "@playwright/test";
import { catalogues } from "@/lib/capture/i18n";
import type { Language } from "@/lib/capture/languages";
import type { CaptureState } from "@/lib/capture/types";
import { chromiumArgs } from "../../playwright.config";
import { makeFakeCamera } from "../fixtures/fake-camera";
import { expectOnlyCatalogueText } from "../support/catalogue-text";
import { loginConsole } from "../support/console-login";
import { makeCaptureState, mockToken } from "../support/mock-capture";
import { facesDir, requireFaceDatasets } from "../support/datasets";
import { startTestServer, type TestServer } from "../support/test-server";

// The hosted page in the languages added for Japanese, Korean, Indonesian, Brazilian, French and German
// customers: every screen shows only its own catalogue's text (a leftover English or server string
// fails; the retry screen shows the frame-count reason code's words), and the menu switches language
// in place. Face-free screens are saved to e2e/snapshots/. That the case keeps the exact cause of a
// refused upload is checked against the real server in e2e/api/hosted-language.test.ts.
const apiKey = "lang-k-0123456789abcdefgh";
const admin = { email: "admin@languages.test", password: "admin-password-1" };
const snapshots = "e2e/snapshots";
const brand = "Northwind Bank";
const NEW_LANGUAGES: Language[] = ["ja", "ko", "id", "pt", "fr", "de"];
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
const desktop = { viewport: { width: 1280, height: 800 } };

let server: TestServer;
let browser: Browser;
let workflowId: string;

requireFaceDatasets(test);
// five page loads per language on a busy two-core machine take longer than the default 90 s
test.describe.configure({ mode: "serial", timeout: 300_000 });

test.beforeAll(async () => {
  server = await startTestServer({ env: { SEED_API_KEY: apiKey, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password } });
  const camera = makeFakeCamera({ kind: "face", image: path.join(facesDir, "images/deepface-01/1.jpg") });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...chromiumArgs, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${camera}`],
  });
  const list = (await (await api("GET", "/v3/workflows/")).json()) as { results: { workflow_id: string; workflow_label: string }[] };
  workflowId = list.results.find((w) => w.workflow_label === "Liveness only")!.workflow_id;
});

test.afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function api(method: string, url: string, body?: unknown) {
  return fetch(`${server.url}${url}`, { method, headers: { "x-api-key": apiKey, "content-type": "application/json" }, body: body ? JSON.stringify(body) : undefined });
}

async function createSession(extra: Record<string, unknown> = {}) {
  const res = await api("POST", "/v3/session/", { workflow_id: workflowId, vendor_data: `lang-${crypto.randomUUID()}`, ...extra });
  expect(res.status).toBe(201);
  return (await res.json()) as { session_id: string; url: string };
}

const mockState = (lang: Language, over: Partial<CaptureState>) => makeCaptureState(server.url, { language: lang, expiresAt: "2026-12-24T18:30:00.000Z", ...over });

// The real server renders the page (its language from the browser's Accept-Language); the capture API
// answers with the state a screen needs.
async function openMocked(options: BrowserContextOptions, lang: Language, state: CaptureState): Promise<Page> {
  const context = await browser.newContext({ ...options, locale: lang === "pt" ? "pt-BR" : lang });
  const page = await context.newPage();
  await page.route(`**/api/capture/${mockToken}**`, (route: Route) => route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(state) }));
  await page.goto(`${server.url}/verify/${mockToken}`);
  return page;
}

async function screen(page: Page, lang: Language, name: string, heading: string) {
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible({ timeout: 45_000 });
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  await expectOnlyCatalogueText(page, lang, [brand]);
  await page.screenshot({ path: `${snapshots}/capture-${lang}-${name}.png` });
  await page.context().close();
}

for (const lang of NEW_LANGUAGES) {
  test(`${lang}: start, hand-off, retry, result and expired screens use only the ${lang} catalogue`, async () => {
    const t = catalogues[lang];
    const capture = { status: "In Progress", step: { type: "capture", challenge: { id: "c1", method: "PASSIVE", frames: 5, intervalMs: 200 }, attempt: 2, maxAttempts: 3 } } as const;

    // with the warning a check that flashes colours shows first
    const start = await openMocked(phone, lang, mockState(lang, { flashingLight: true }));
    await expect(start.getByTestId("language-menu")).toHaveValue(lang);
    await expect(start.getByTestId("flashing-warning").getByRole("button")).toHaveText(t.flashing.alternative);
    await screen(start, lang, "start", t.start.title);

    const handoff = await openMocked(desktop, lang, mockState(lang, {}));
    await expect(handoff.getByTestId("handoff-qr").locator("svg")).toBeVisible();
    await screen(handoff, lang, "handoff", t.start.title);

    const retry = await openMocked(phone, lang, mockState(lang, { ...capture, lastAttempt: { ok: false, reason: "frame_count" } }));
    await expect(retry.getByTestId("retry-reason")).toHaveText(t.reasons.frame_count);
    await screen(retry, lang, "retry", t.retry.title);

    const result = await openMocked(phone, lang, mockState(lang, { status: "Approved", step: { type: "done" }, callback: "https://example.com/back" }));
    await screen(result, lang, "result", t.result.approved.title);

    const expired = await openMocked(phone, lang, mockState(lang, { status: "Expired", step: { type: "done" } }));
    await screen(expired, lang, "expired", t.expired.title);
  });
}

test("the language menu switches the page by keyboard, and the session keeps the choice", async () => {
  const session = await createSession();
  const context = await browser.newContext({ ...phone, locale: "en-US" });
  const page = await context.newPage();
  await page.goto(session.url);
  await expect(page.getByRole("heading", { name: catalogues.en.start.title })).toBeVisible({ timeout: 45_000 });
  const menu = page.getByTestId("language-menu");
  for (let i = 0; i < 10 && !(await menu.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(menu).toBeFocused();
  await expect(menu).toHaveAccessibleName(catalogues.en.languageMenu.label);
  // en -> es -> pt -> fr -> de -> id -> ja -> ko
  for (let i = 0; i < 7; i++) await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("heading", { name: catalogues.ko.start.title })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  // the link's expiry written the Korean way, by Intl in the browser
  const expected = await page.evaluate(async (url) => {
    const state = await (await fetch(`/api/capture/${url.split("/").pop()}`)).json();
    return new Intl.DateTimeFormat("ko", { dateStyle: "medium", timeStyle: "short" }).format(new Date(state.expiresAt));
  }, session.url);
  await expect(page.getByText(catalogues.ko.start.validUntil.replace("{date}", expected))).toBeVisible();
  await expectOnlyCatalogueText(page, "ko", ["Sandbox"]);
  await page.reload();
  await expect(page.getByRole("heading", { name: catalogues.ko.start.title })).toBeVisible();
  await context.close();
});

test("an admin sets the default language in Settings, and a session without one opens in it", async () => {
  const cookie = (await loginConsole(server.url, admin.email, admin.password))!;
  const [name, value] = cookie.split("=");
  const context = await browser.newContext({ ...desktop, locale: "zh-CN" });
  await context.addCookies([{ name, value, url: server.url }]);
  const page = await context.newPage();
  await page.goto(`${server.url}/settings`);
  const card = page.locator("section").filter({ has: page.getByRole("heading", { name: "Verification page language" }) });
  await card.getByLabel("Default language").selectOption("id");
  const saved = page.waitForResponse((r) => r.url().endsWith("/api/console/application") && r.request().method() === "PATCH");
  await card.getByRole("button", { name: "Save language" }).click();
  expect((await saved).status()).toBe(200);
  await card.screenshot({ path: "test-results/capture/settings-default-language.png" });

  // the browser asks for Chinese, which the page does not speak: the application's default wins
  const session = await createSession();
  await page.goto(session.url);
  await expect(page.getByRole("heading", { name: catalogues.id.start.title })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await context.close();
});
