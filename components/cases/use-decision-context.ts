"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/console/fetch-json";
import type { DecisionContext } from "@/lib/review/get-decision-context";

type Context = Omit<DecisionContext, "pending"> & { pending: (Omit<NonNullable<DecisionContext["pending"]>, "createdAt"> & { createdAt: string }) | null };

export const decisionContextKey = (sessionId: string) => ["decision-context", sessionId];

// Reasons, assignee, reviewers and any decision awaiting a second review, for one case.
export function useDecisionContext(sessionId: string) {
  return useQuery({ queryKey: decisionContextKey(sessionId), queryFn: () => fetchJson<Context>(`/api/console/sessions/${sessionId}/decision-context`), refetchInterval: 15_000 });
}
