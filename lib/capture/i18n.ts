import { bindStrings, type CaptureStrings } from "./bind-strings";
import { de } from "./i18n-de";
import { en, type Catalogue } from "./i18n-en";
import { es } from "./i18n-es";
import { fr } from "./i18n-fr";
import { id } from "./i18n-id";
import { ja } from "./i18n-ja";
import { ko } from "./i18n-ko";
import { pt } from "./i18n-pt";
import { matchLanguage, type Language } from "./languages";

export type { Catalogue, CaptureStrings };

// Every catalogue, for the server (it renders the page with one of them) and the tests. The page's
// client code never imports this module: it gets its one language from the server or loads it alone.
export const catalogues: Record<Language, Catalogue> = { en, es, pt, fr, de, id, ja, ko };

/** The catalogue of a language tag ("pt-BR" -> pt); English for anything unsupported. */
export function getCatalogue(language: string | null | undefined): Catalogue {
  return catalogues[matchLanguage(language) ?? "en"];
}

/** The hosted page's strings for a language tag, ready to render. */
export function getCaptureStrings(language: string | null | undefined): CaptureStrings {
  const lang = matchLanguage(language) ?? "en";
  return bindStrings(catalogues[lang], lang);
}
