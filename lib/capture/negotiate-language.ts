import { matchLanguage, type Language } from "@/lib/capture/languages";

type Weighted = { tag: string; q: number; order: number };

// Accept-Language (RFC 9110 §12.5.4): comma-separated tags with optional ";q=" weights (0..1, default 1);
// q=0 means "not acceptable". Malformed entries are skipped rather than failing the page.
function parseAcceptLanguage(header: string): Weighted[] {
  return header
    .split(",")
    .map((part, order) => {
      const [tag, ...params] = part.trim().split(";");
      const qParam = params.map((p) => p.trim()).find((p) => /^q=/i.test(p));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { tag: tag.trim(), q: Number.isFinite(q) && q >= 0 && q <= 1 ? q : 0, order };
    })
    .filter((w) => w.tag && w.q > 0 && /^([A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*|\*)$/.test(w.tag))
    .sort((a, b) => b.q - a.q || a.order - b.order);
}

/** The best supported language a browser asks for, or null ("*" and unknown tags match nothing). */
export function pickAcceptLanguage(header: string | null | undefined): Language | null {
  for (const { tag } of parseAcceptLanguage(header ?? "")) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return null;
}

// The hosted page's language: the session's own `language` (set by the API or the person's choice in
// the menu), else the browser's Accept-Language, else the application's default.
export function negotiateLanguage(input: { sessionLanguage?: string | null; acceptLanguage?: string | null; applicationDefault?: string | null }): Language {
  return matchLanguage(input.sessionLanguage) ?? pickAcceptLanguage(input.acceptLanguage) ?? matchLanguage(input.applicationDefault) ?? "en";
}
