import type { Locator, Page } from "@playwright/test";

export async function center(locator: Locator): Promise<{ x: number; y: number }> {
  const box = (await locator.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

// A real pointer drag from an output handle to a node's input handle, as a user connects nodes; an
// output already wired is re-wired.
export async function connect(page: Page, from: Locator, handle: string, to: Locator): Promise<void> {
  const source = await center(from.locator(`.react-flow__handle.source[data-handleid="${handle}"]`));
  const target = await center(to.locator(".react-flow__handle.target"));
  await page.mouse.move(source.x, source.y);
  await page.mouse.down();
  await page.mouse.move((source.x + target.x) / 2, (source.y + target.y) / 2, { steps: 5 });
  await page.mouse.move(target.x, target.y, { steps: 5 });
  await page.mouse.up();
}
