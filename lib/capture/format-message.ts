// Catalogue entries are plain data (so the server can hand the page only its own language): text with
// {name} placeholders, and plural entries keyed by Intl.PluralRules category. No catalogue here.
export type Plural = { zero?: string; one?: string; two?: string; few?: string; many?: string; other: string };
export type MessageValue = string | number | Date;

function formatValue(value: MessageValue, locale: string): string {
  if (typeof value === "number") return new Intl.NumberFormat(locale).format(value);
  if (value instanceof Date) return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(value);
  return value;
}

/** Fills {name} placeholders; numbers and dates are written the locale's way. */
export function formatMessage(template: string, values: Record<string, MessageValue>, locale: string): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? formatValue(values[name], locale) : whole));
}

/** The plural form for `count` in this locale ("other" when the catalogue has no form for the category). */
export function formatPlural(plural: Plural, count: number, locale: string, values: Record<string, MessageValue> = {}): string {
  const category = new Intl.PluralRules(locale).select(count) as keyof Plural;
  return formatMessage(plural[category] ?? plural.other, { ...values, count }, locale);
}

/** The {name} placeholders of a template, sorted (for comparing translations). */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}
