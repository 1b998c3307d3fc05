// The languages the hosted capture page speaks. Kept apart from the catalogues so the page, the
// console and the API can name and validate languages without loading any translation.
export const SUPPORTED_LANGUAGES = ["en", "es", "pt", "fr", "de", "id", "ja", "ko"] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

// Each language named in itself, as the language menu shows it (a person looks for their own).
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: "English",
  es: "Español",
  pt: "Português",
  fr: "Français",
  de: "Deutsch",
  id: "Bahasa Indonesia",
  ja: "日本語",
  ko: "한국어",
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

/** A supported language for a BCP 47 tag: exact ("pt"), else its primary subtag ("pt-BR" -> "pt"). */
export function matchLanguage(tag: string | null | undefined): Language | null {
  const lower = tag?.trim().toLowerCase().replace(/_/g, "-");
  if (!lower) return null;
  if (isLanguage(lower)) return lower;
  const primary = lower.split("-")[0];
  return isLanguage(primary) ? primary : null;
}

// Request header by which proxy.ts tells the root layout which hosted page is rendering (for <html lang>).
export const HOSTED_TOKEN_HEADER = "x-faceid-hosted-token";
