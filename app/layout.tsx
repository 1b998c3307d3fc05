import type { Metadata } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import { HOSTED_TOKEN_HEADER } from "@/lib/capture/languages";
import { resolvePageLanguage } from "@/lib/capture/resolve-page-language";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "FaceID console", template: "%s · FaceID" },
  description: "Self-hosted face verification: face match, liveness and re-authentication",
  // the files in public/ (drawn by scripts/icons/generate-icons.mjs)
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "48x48" },
      { url: "/icon.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
};

// Every page is rendered per request: its scripts must carry that request's CSP nonce (proxy.ts), and
// a page prerendered at build time would have none.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  const h = await headers();
  const hostedToken = h.get(HOSTED_TOKEN_HEADER);
  // the console is English; the hosted capture page speaks its session's language
  const lang = hostedToken ? await resolvePageLanguage(safeDecode(hostedToken), h.get("accept-language")) : "en";
  return (
    <html lang={lang}>
      <body>{children}</body>
    </html>
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
