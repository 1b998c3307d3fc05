import { en, type CaptureStrings } from "./i18n-en";
import { es } from "./i18n-es";

export type { CaptureStrings };

const catalogs: Record<string, CaptureStrings> = { en, es };

/** The hosted page's strings for a session language; English for anything unknown. */
export function getCaptureStrings(language: string | null | undefined): CaptureStrings {
  return catalogs[language ?? "en"] ?? en;
}
