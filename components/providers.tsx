"use client";

import { z } from "zod";
import { QueryProvider } from "./query-provider";

// zod compiles object schemas with new Function() when it can, and probes for that by calling it:
// under the pages' Content-Security-Policy (no 'unsafe-eval') the probe is a reported violation. The
// interpreter is plenty fast for forms in the browser.
if (typeof window !== "undefined") z.config({ jitless: true });

// The console's providers. The hosted page uses QueryProvider alone: zod is ~30 KB gzip it never needs.
export function Providers({ children }: { children: React.ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
