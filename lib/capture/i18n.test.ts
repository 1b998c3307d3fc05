import { describe, expect, it } from "vitest";
import { bindStrings } from "./bind-strings";
import { placeholdersOf, type Plural } from "./format-message";
import { catalogues } from "./i18n";
import { en } from "./i18n-en";
import { SUPPORTED_LANGUAGES, type Language } from "./languages";
import { RETRY_REASONS } from "./retry-reasons";

// Words that read the same in every language and may stay as in English.
const SAME_AS_ENGLISH = new Set(["OK"]);
const PLURAL_KEYS = new Set(["zero", "one", "two", "few", "many", "other"]);

const isPlural = (v: unknown): v is Plural => typeof v === "object" && v !== null && !Array.isArray(v) && "other" in v && Object.keys(v).every((k) => PLURAL_KEYS.has(k));

// Every problem of one catalogue against English, as "path: what is wrong".
function compare(lang: Language, ref: unknown, value: unknown, path: string, problems: string[]) {
  if (value === undefined || value === null) return void problems.push(`${path}: missing`);
  if (typeof ref === "string") {
    if (typeof value !== "string") return void problems.push(`${path}: not a string`);
    if (ref !== "" && value.trim() === "") problems.push(`${path}: empty`);
    if (ref !== "" && value === ref && !SAME_AS_ENGLISH.has(ref)) problems.push(`${path}: left in English ("${ref}")`);
    if (placeholdersOf(value).join() !== placeholdersOf(ref).join()) problems.push(`${path}: placeholders {${placeholdersOf(value)}} instead of {${placeholdersOf(ref)}}`);
    return;
  }
  if (Array.isArray(ref)) {
    if (!Array.isArray(value) || value.length !== ref.length) return void problems.push(`${path}: needs ${ref.length} entries`);
    return ref.forEach((r, i) => compare(lang, r, value[i], `${path}[${i}]`, problems));
  }
  if (isPlural(ref)) {
    if (!isPlural(value)) return void problems.push(`${path}: not a plural entry`);
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];
    for (const key of Object.keys(value)) if (!categories.includes(key)) problems.push(`${path}.${key}: ${lang} has no "${key}" plural form`);
    for (const key of ["one", "other"]) if (categories.includes(key) && !(value as Record<string, string>)[key]) problems.push(`${path}.${key}: missing`);
    for (const [key, text] of Object.entries(value)) compare(lang, ref.other, text, `${path}.${key}`, problems);
    return;
  }
  const refObject = ref as Record<string, unknown>;
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(refObject)) compare(lang, refObject[key], object[key], `${path}.${key}`, problems);
  for (const key of Object.keys(object)) if (!(key in refObject)) problems.push(`${path}.${key}: not in English`);
}

function allStrings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(allStrings);
  return [];
}

describe("capture page catalogues", () => {
  it("covers every supported language", () => {
    expect(Object.keys(catalogues).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
  });

  it("has a message for every retry reason", () => {
    expect(Object.keys(en.reasons).sort()).toEqual([...RETRY_REASONS].sort());
  });

  for (const lang of SUPPORTED_LANGUAGES.filter((l) => l !== "en")) {
    it(`${lang}: every key present, translated, with the same placeholders`, () => {
      const problems: string[] = [];
      compare(lang, en, catalogues[lang], lang, problems);
      expect(problems).toEqual([]);
    });
  }

  it("finds what the check is for: a missing key, an English leftover, a changed placeholder", () => {
    const problems: string[] = [];
    const broken = structuredClone(catalogues.fr) as Record<string, unknown>;
    delete broken.cancel;
    (broken.checking as Record<string, string>).title = en.checking.title;
    (broken.start as Record<string, string>).lead = "{marque} a besoin d’un selfie.";
    (broken.retry as Record<string, unknown>).attemptsLeft = { one: "{count} essai", other: "" };
    compare("fr", en, broken, "fr", problems);
    expect(problems).toEqual(
      expect.arrayContaining([
        "fr.cancel: missing",
        'fr.checking.title: left in English ("Checking…")',
        "fr.start.lead: placeholders {marque} instead of {brand}",
        "fr.retry.attemptsLeft.other: missing",
      ]),
    );
  });

  it("keeps the register: polite Japanese, formal German and French", () => {
    const ja = allStrings(catalogues.ja).filter((s) => s.endsWith("。"));
    expect(ja.filter((s) => !/(ます|です|ください|ません|でした|ました)。$/.test(s))).toEqual([]);
    expect(allStrings(catalogues.de).filter((s) => /\b(du|dich|dir|dein\w*)\b/i.test(s))).toEqual([]);
    expect(allStrings(catalogues.fr).filter((s) => /\b(tu|toi|ton|ta|tes)\b/i.test(s))).toEqual([]);
    const ko = allStrings(catalogues.ko).filter((s) => /[.…]$/.test(s) && /[가-힣]/.test(s));
    expect(ko.filter((s) => !/(요|다|세요|니다)[.…]$/.test(s) && !/중…$/.test(s))).toEqual([]);
  });

  it("formats counts and numbers the locale's way", () => {
    expect(bindStrings(catalogues.en, "en").retry.attemptsLeft(1)).toBe("1 attempt left");
    expect(bindStrings(catalogues.en, "en").retry.attemptsLeft(2)).toBe("2 attempts left");
    expect(bindStrings(catalogues.es, "es").retry.attemptsLeft(1)).toBe("Te queda 1 intento");
    expect(bindStrings(catalogues.fr, "fr").retry.attemptsLeft(0)).toBe("Il vous reste 0 essai");
    expect(bindStrings(catalogues.de, "de").camera.attempt(2, 3)).toBe("Versuch 2 von 3");
    expect(bindStrings(catalogues.ja, "ja").camera.attempt(2, 3)).toBe("3 回中 2 回目");
    expect(bindStrings(catalogues.de, "de").retry.attemptsLeft(1000)).toBe("Noch 1.000 Versuche");
    for (const lang of SUPPORTED_LANGUAGES) {
      const s = bindStrings(catalogues[lang], lang);
      const texts = [s.retry.attemptsLeft(1), s.retry.attemptsLeft(3), s.start.lead("Acme"), s.start.validUntil(new Date("2026-12-24T10:00:00Z")), s.result.redirecting(5), s.active.step(1, 3), s.active.countdown(2)];
      expect(texts.filter((t) => /[{}]/.test(t)), lang).toEqual([]);
    }
  });
});
