import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "FaceID console", template: "%s · FaceID" },
  description: "Self-hosted face verification: face match, liveness and re-authentication",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
