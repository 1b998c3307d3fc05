import { expect, type FrameLocator, type Page } from "@playwright/test";

// Start, let guidance turn green and auto-capture; on a retry answer, try again (at most 3 times).
export async function completeCapture(ui: FrameLocator | Page, page: Page, name: string, shots = "test-results/capture"): Promise<string> {
  await ui.getByRole("button", { name: "Start" }).click();
  const guidance = ui.getByTestId("guidance");
  await expect(guidance).toBeVisible();
  await expect(guidance).toHaveAttribute("data-tone", "ready", { timeout: 30_000 });
  // green because BlazeFace (onnxruntime-web) found one well-placed face, not by the light-only fallback
  await expect(ui.getByTestId("camera-stage")).toHaveAttribute("data-detector", "ready");
  await page.screenshot({ path: `${shots}/${name}-guidance.png` });
  for (let i = 0; i < 3; i++) {
    const outcome = ui.getByTestId("screen-result").or(ui.getByTestId("screen-retry"));
    await expect(outcome).toBeVisible({ timeout: 45_000 });
    if (await ui.getByTestId("screen-result").isVisible()) break;
    await page.screenshot({ path: `${shots}/${name}-retry.png` });
    await ui.getByRole("button", { name: "Try again" }).click();
  }
  await expect(ui.getByTestId("screen-result")).toBeVisible();
  return (await ui.getByTestId("result-status").textContent())!.trim();
}
