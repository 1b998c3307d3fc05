import { gzipSync } from "node:zlib";
import { expect, type Page, type Response } from "@playwright/test";

// JavaScript the hosted page's start screen loads before anyone touches it: every script response
// until the start button is shown and the network is idle, each gzipped as a server would send it
// (zlib's default level), whatever the test server itself did on the wire.
export const START_SCREEN_JS_BUDGET_GZIP = 150 * 1024;

export type ScriptWeight = { url: string; bytes: number; gzip: number };

export async function measureStartScreenScripts(page: Page, sessionUrl: string): Promise<{ scripts: ScriptWeight[]; totalGzip: number }> {
  const responses: Response[] = [];
  const onResponse = (res: Response) => {
    if (res.request().resourceType() === "script") responses.push(res);
  };
  page.on("response", onResponse);
  await page.goto(sessionUrl);
  await expect(page.getByRole("button", { name: /^(Start|Use this device's camera)$/ })).toBeEnabled();
  await page.waitForLoadState("networkidle");
  page.off("response", onResponse);
  const scripts = await Promise.all(
    responses.map(async (res) => {
      const body = await res.body();
      return { url: new URL(res.url()).pathname, bytes: body.length, gzip: gzipSync(body).length };
    }),
  );
  return { scripts: scripts.sort((a, b) => b.gzip - a.gzip), totalGzip: scripts.reduce((n, s) => n + s.gzip, 0) };
}
