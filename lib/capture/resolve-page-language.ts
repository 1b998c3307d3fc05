import { cache } from "react";
import { findCaptureSessionOrThrow } from "@/lib/capture/find-capture-session";
import type { Language } from "@/lib/capture/languages";
import { negotiateLanguage } from "@/lib/capture/negotiate-language";

// The session behind a hosted page's token, once per request (the root layout and the page both ask);
// null for an unknown token.
export const findPageSession = cache((token: string) => findCaptureSessionOrThrow(token).catch(() => null));

// The hosted page's language for its first render (the <html lang> of the root layout and the one
// catalogue sent with the page). An unknown token still gets the browser's language for its "link not
// valid" screen.
export const resolvePageLanguage = cache(async (token: string, acceptLanguage: string | null): Promise<Language> => {
  const session = await findPageSession(token);
  return negotiateLanguage({ sessionLanguage: session?.language, acceptLanguage, applicationDefault: session?.application.defaultLanguage });
});
