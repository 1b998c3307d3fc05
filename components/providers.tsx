"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { z } from "zod";

// zod compiles object schemas with new Function() when it can, and probes for that by calling it:
// under the pages' Content-Security-Policy (no 'unsafe-eval') the probe is a reported violation. The
// interpreter is plenty fast for forms in the browser.
if (typeof window !== "undefined") z.config({ jitless: true });

export function Providers({ children }: { children: React.ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, retry: 1 } } }));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
