import type { Metadata } from "next";
import { connection } from "next/server";
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
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
