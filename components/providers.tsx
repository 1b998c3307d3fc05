"use client";

import { z } from "zod";
import { QueryProvider } from "./query-provider";

// zod compiles object schemas with new Function() when it can, and probes for that by calling it:
// under the pages' Content-Security-Policy (no 'unsafe-eval') the probe is a reported violation. The
// interpreter is plenty fast for forms in the browser.
if (typeof window !== "undefined") z.config({ jitless: true });

// The console's providers. The hosted page uses none (it polls its state itself: a smaller start screen).
export function Providers({ children }: { children: React.ReactNode }) {
  return <QueryProvider>{children}</QueryProvider>;
}
