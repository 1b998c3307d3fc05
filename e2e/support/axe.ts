import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// WCAG 2.1 A and AA, as axe-core checks them. A screen passes when axe finds no serious or critical
// violation; the failure message names each rule, its impact and the elements it found.
const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const blocking = new Set(["serious", "critical"]);

type AxeFinding = { rule: string; impact: string; help: string; targets: string[]; summary: string };

// Colours are judged as the page settles: a button fading back from its disabled state or a row
// whose background is still animating would be measured half-way. Endless animations (spinners) are left.
// A state change React has just committed (a button enabled again with an error message) may start its
// transition only with the next frame, so two frames pass first, and the wait repeats until no finite
// animation is left running.
async function settleTransitions(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (let round = 0; round < 5; round++) {
      await frame();
      await frame();
      const running = document.getAnimations().filter((a) => a.playState === "running" && a.effect?.getComputedTiming().iterations !== Infinity);
      if (running.length === 0) return;
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
    }
  });
}

async function findAxeViolations(page: Page, options: { exclude?: string[] } = {}): Promise<AxeFinding[]> {
  await settleTransitions(page);
  let builder = new AxeBuilder({ page }).withTags(wcagTags);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => blocking.has(v.impact ?? ""))
    .map((v) => ({ rule: v.id, impact: v.impact ?? "", help: v.help, targets: v.nodes.map((n) => n.target.join(" ")), summary: v.nodes[0]?.failureSummary ?? "" }));
}

function formatAxeFindings(screen: string, findings: AxeFinding[]): string {
  const lines = findings.map((f) => `  ${f.rule} (${f.impact}): ${f.help}\n    ${f.targets.slice(0, 8).join("\n    ")}${f.targets.length > 8 ? `\n    …and ${f.targets.length - 8} more` : ""}\n    first: ${f.summary.replace(/\s+/g, " ")}`);
  return `${screen}: ${findings.length} serious or critical accessibility violation(s)\n${lines.join("\n")}`;
}

/** Fails the test with every serious/critical violation on the page as it is now (`exclude`: CSS selectors left out). */
export async function expectNoAxeViolations(page: Page, screen: string, options: { exclude?: string[] } = {}): Promise<void> {
  const findings = await findAxeViolations(page, options);
  expect(findings, formatAxeFindings(screen, findings)).toEqual([]);
}
