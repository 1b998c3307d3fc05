"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type PolledState<T> = { data: T | undefined; error: unknown; isPending: boolean; refetch: () => Promise<void>; setData: (next: T) => void };

// The hosted page's one piece of server state, fetched on mount, polled while `intervalMs` is set and
// refetched when the tab comes back into view while `refetchOnFocus`; `intervalMs` may depend on the data. A data-fetching library would
// cost the start screen ~8 KB gzip of its 150 KB budget for this; the page needs nothing more.
// Transient failures (network, 5xx) are retried up to `retries` times; `isRetryable` says which.
// `initialData`: what the server rendered the page with; then the first fetch waits for the first poll.
export function usePolledState<T>(options: { fetcher: () => Promise<T>; intervalMs: (data: T | undefined) => number | false; refetchOnFocus: boolean; retries?: number; isRetryable: (error: unknown) => boolean; initialData?: T }): PolledState<T> {
  const { fetcher, intervalMs, refetchOnFocus, retries = 2, isRetryable, initialData } = options;
  const [data, setData] = useState<T | undefined>(initialData);
  const [error, setError] = useState<unknown>(null);
  const [isPending, setPending] = useState(initialData === undefined);
  const rendered = useRef(initialData !== undefined);
  const latest = useRef({ fetcher, isRetryable, retries });
  useEffect(() => {
    latest.current = { fetcher, isRetryable, retries };
  });
  // a slower answer never overwrites a newer one (or data set locally after a submission)
  const generation = useRef(0);

  const refetch = useCallback(async () => {
    const mine = ++generation.current;
    for (let attempt = 0; ; attempt++) {
      try {
        const next = await latest.current.fetcher();
        if (mine !== generation.current) return;
        setData(next);
        setError(null);
        break;
      } catch (e) {
        if (mine !== generation.current) return;
        if (attempt < latest.current.retries && latest.current.isRetryable(e)) {
          await new Promise((r) => setTimeout(r, 500 * 2 ** attempt));
          continue;
        }
        setError(e);
        break;
      }
    }
    setPending(false);
  }, []);

  const setLocal = useCallback((next: T) => {
    generation.current++;
    setData(next);
    setError(null);
    setPending(false);
  }, []);

  useEffect(() => {
    if (!rendered.current) void refetch();
  }, [refetch]);

  const every = intervalMs(data);
  useEffect(() => {
    if (every === false) return;
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void refetch();
    }, every);
    return () => clearInterval(timer);
  }, [every, refetch]);

  useEffect(() => {
    if (!refetchOnFocus) return;
    const onVisible = () => {
      if (document.visibilityState === "visible") void refetch();
    };
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("focus", onVisible);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("focus", onVisible);
    };
  }, [refetchOnFocus, refetch]);

  return { data, error, isPending: isPending && data === undefined, refetch, setData: setLocal };
}
