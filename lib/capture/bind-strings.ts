import { formatMessage, formatPlural } from "./format-message";
import type { Catalogue } from "./i18n-en";
import type { Language } from "./languages";

// The page's strings for one language: the catalogue's data, with the entries that take values turned
// into functions that format them in that locale (numbers, dates, plural forms).
export function bindStrings(catalogue: Catalogue, language: Language) {
  const c = catalogue;
  const fill = (template: string, values: Parameters<typeof formatMessage>[1]) => formatMessage(template, values, language);
  return {
    ...c,
    language,
    start: {
      ...c.start,
      lead: (brand: string) => fill(c.start.lead, { brand }),
      consent: (brand: string) => fill(c.start.consent, { brand }),
      validUntil: (date: Date) => fill(c.start.validUntil, { date }),
    },
    camera: { ...c.camera, attempt: (current: number, total: number) => fill(c.camera.attempt, { current, total }) },
    active: {
      ...c.active,
      countdown: (seconds: number) => fill(c.active.countdown, { seconds }),
      step: (current: number, total: number) => fill(c.active.step, { current, total }),
    },
    retry: { ...c.retry, attemptsLeft: (count: number) => formatPlural(c.retry.attemptsLeft, count, language) },
    result: { ...c.result, redirecting: (seconds: number) => fill(c.result.redirecting, { seconds }) },
  };
}

export type CaptureStrings = ReturnType<typeof bindStrings>;
