"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DecisionPayload } from "@/components/cases/decision-form";
import { fetchJson } from "@/components/console/fetch-json";
import type { ReviewCase } from "@/lib/review/list-review-queue";

type Queue = { total: number; cases: ReviewCase[] };
const KEY = ["review-queue"];
type Me = { id: string; email: string };

// Queue data and the reviewer's actions. Decisions and assignments show at once (optimistic) and are
// rolled back when the server refuses, e.g. 409 because another reviewer decided first.
export function useReviewQueue(me: Me) {
  const client = useQueryClient();
  const queue = useQuery({ queryKey: KEY, queryFn: () => fetchJson<Queue>("/api/console/review/queue"), refetchInterval: 15_000 });
  const optimistic = async (change: (q: Queue) => Queue) => {
    await client.cancelQueries({ queryKey: KEY });
    const previous = client.getQueryData<Queue>(KEY);
    if (previous) client.setQueryData<Queue>(KEY, change(previous));
    return { previous };
  };
  const rollback = (_e: Error, _v: unknown, ctx?: { previous?: Queue }) => {
    if (ctx?.previous) client.setQueryData(KEY, ctx.previous);
  };
  // the case's decision context (four-eyes, assignee) changes with the queue
  const settle = () => Promise.all([client.invalidateQueries({ queryKey: KEY }), client.invalidateQueries({ queryKey: ["decision-context"] })]);

  const decide = useMutation({
    mutationFn: ({ id, ...json }: { id: string } & DecisionPayload) => fetchJson<{ status: string; pending: boolean }>(`/api/console/sessions/${id}/decision`, { method: "POST", json }),
    onMutate: (v) => optimistic((q) => ({ total: q.total - 1, cases: q.cases.filter((c) => c.id !== v.id) })),
    onError: rollback,
    onSettled: settle,
  });
  const assign = useMutation({
    mutationFn: (v: { id: string; assign: boolean }) => fetchJson(`/api/console/sessions/${v.id}/assignment`, { method: v.assign ? "POST" : "DELETE" }),
    onMutate: (v) =>
      optimistic((q) => ({ ...q, cases: q.cases.map((c) => (c.id === v.id ? { ...c, assignee: v.assign ? me : null, assignedAt: v.assign ? new Date().toISOString() : null } : c)) })),
    onError: rollback,
    onSettled: settle,
  });
  return { queue, decide, assign };
}
