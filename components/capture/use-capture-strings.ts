"use client";

import { useEffect, useMemo, useState } from "react";
import { bindStrings } from "@/lib/capture/bind-strings";
import type { Catalogue } from "@/lib/capture/i18n-en";
import type { Language } from "@/lib/capture/languages";

export type InitialCatalogue = { language: Language; catalogue: Catalogue };

// One chunk per language: the page ships with the catalogue the server picked, and loads another only
// when the person switches (or the session's language differs), never all of them.
const loaders: Record<Language, () => Promise<Catalogue>> = {
  en: () => import("@/lib/capture/i18n-en").then((m) => m.en),
  es: () => import("@/lib/capture/i18n-es").then((m) => m.es),
  pt: () => import("@/lib/capture/i18n-pt").then((m) => m.pt),
  fr: () => import("@/lib/capture/i18n-fr").then((m) => m.fr),
  de: () => import("@/lib/capture/i18n-de").then((m) => m.de),
  id: () => import("@/lib/capture/i18n-id").then((m) => m.id),
  ja: () => import("@/lib/capture/i18n-ja").then((m) => m.ja),
  ko: () => import("@/lib/capture/i18n-ko").then((m) => m.ko),
};

/** The page's strings in `language`; the previous language stays on screen while another loads. */
export function useCaptureStrings(language: Language, initial: InitialCatalogue) {
  const [loaded, setLoaded] = useState<InitialCatalogue>(initial);
  useEffect(() => {
    if (loaded.language === language) return;
    let live = true;
    loaders[language]()
      .then((catalogue) => live && setLoaded({ language, catalogue }))
      .catch(() => undefined); // offline: keep the language on screen, a later render tries again
    return () => {
      live = false;
    };
  }, [language, loaded.language]);
  return useMemo(() => bindStrings(loaded.catalogue, loaded.language), [loaded]);
}
