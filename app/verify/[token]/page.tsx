import { headers } from "next/headers";
import { CapturePage } from "@/components/capture/capture-page";
import { getCatalogue } from "@/lib/capture/i18n";
import { resolvePageLanguage } from "@/lib/capture/resolve-page-language";

// /verify/{token} – the hosted capture page; everything after the first paint happens in the browser
// against /api/capture/{token} (lib/capture/types.ts). Only the negotiated language's catalogue goes
// with the page.
export default async function VerifyPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const language = await resolvePageLanguage(token, (await headers()).get("accept-language"));
  return <CapturePage token={token} initial={{ language, catalogue: getCatalogue(language) }} />;
}
