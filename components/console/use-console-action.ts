"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

// A console mutation from a server-rendered page: run it, then re-render the page with fresh data.
export function useConsoleAction() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      router.refresh();
      return result;
    } catch (err) {
      setError((err as Error).message);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error };
}
