import { expect, type Page } from "@playwright/test";
import { catalogues } from "@/lib/capture/i18n";
import { LANGUAGE_NAMES, type Language } from "@/lib/capture/languages";

function strings(value: unknown): string[] {
  if (typeof value === "string") return value ? [value] : [];
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Every text the page may show in `lang`: its catalogue entries ({name} filled with anything). */
export function catalogueMatchers(lang: Language): RegExp[] {
  return strings(catalogues[lang]).map((text) => new RegExp(`^${escape(text.trim()).replace(/\\\{\w+\\\}/g, "[\\s\\S]+?")}$`));
}

// Text nodes the person can see (and aria-labels a screen reader reads out), trimmed.
async function visibleTexts(page: Page): Promise<string[]> {
  return page.locator("body").evaluate((body) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!parent || !text || ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"].includes(parent.tagName)) continue;
      if (parent.closest("[hidden]") || !(parent.checkVisibility?.({ checkOpacity: true, checkVisibilityCSS: true }) ?? true)) continue;
      out.push(text);
    }
    for (const el of body.querySelectorAll("[aria-label]")) out.push(el.getAttribute("aria-label")!.trim());
    return out.filter(Boolean);
  });
}

/** Fails listing every visible text that is not from the active language's catalogue. */
export async function expectOnlyCatalogueText(page: Page, lang: Language, allowed: string[] = []) {
  const matchers = catalogueMatchers(lang);
  const extra = new Set([...Object.values(LANGUAGE_NAMES), ...allowed]);
  const texts = await visibleTexts(page);
  expect(texts.length, "the screen shows some text").toBeGreaterThan(0);
  // no letters at all (digits, "·", "▾", a brand's initial) says nothing in any language
  // a label followed by its value ("Note from the reviewer: …") is judged without the colon
  const foreign = texts.map((t) => t.replace(/\s*[:：]$/, "")).filter((t) => !extra.has(t) && /\p{L}{2,}/u.test(t) && !matchers.some((m) => m.test(t)));
  expect(foreign, `text on the ${lang} page that is not from its catalogue`).toEqual([]);
}
