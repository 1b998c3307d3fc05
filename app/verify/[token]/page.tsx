import { headers } from "next/headers";
import { CapturePage } from "@/components/capture/capture-page";
import { getCatalogue } from "@/lib/capture/i18n";
import { loadPageState } from "@/lib/capture/load-page-state";
import { resolvePageLanguage } from "@/lib/capture/resolve-page-language";

// /verify/{token} – the hosted capture page, rendered with its session's state (the start screen is in
// the HTML); everything after the first paint happens in the browser against /api/capture/{token}
// (lib/capture/types.ts). Only the negotiated language's catalogue goes with the page.
export default async function VerifyPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const acceptLanguage = (await headers()).get("accept-language");
  const [language, state] = await Promise.all([resolvePageLanguage(token, acceptLanguage), loadPageState(token, acceptLanguage)]);
  return <CapturePage token={token} initial={{ language, catalogue: getCatalogue(language) }} initialState={state} />;
}
