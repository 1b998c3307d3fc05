import type { Metadata, Viewport } from "next";

// The hosted capture page is public (the token in the URL is the credential) and lives outside the
// (console) group, so it never asks for a console login. Never indexed, never cached by a referrer.
export const metadata: Metadata = {
  title: { absolute: "Identity verification" },
  robots: { index: false, follow: false },
  referrer: "no-referrer",
  // a phone can keep the page as an app-like window (public/manifest.webmanifest)
  manifest: "/manifest.webmanifest",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  viewportFit: "cover",
  themeColor: "#ffffff",
};

// No data-fetching provider: the page polls its one piece of server state itself (use-polled-state.ts),
// which keeps the start screen inside its JavaScript budget.
export default function VerifyLayout({ children }: { children: React.ReactNode }) {
  return children;
}
