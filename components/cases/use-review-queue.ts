"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { DecisionPayload } from "@/components/cases/decision-form";
import { fetchJson } from "@/components/console/fetch-json";
import type { BulkAssignOutcome } from "@/lib/review/bulk-assign-review-cases";
import type { ReviewerWorkload } from "@/lib/review/count-reviewer-workload";
import type { ReviewQueuePage } from "@/lib/review/list-review-queue";

type Queue = ReviewQueuePage & { team: ReviewerWorkload[] };
const ROOT = ["review-queue"];
type Me = { id: string; email: string };

// The start of the reviewer's day in their own time zone ("decided today").
const dayStart = () => new Date(new Date().setHours(0, 0, 0, 0)).toISOString();

// Queue data for the filters in the address, and the reviewer's actions. Decisions, assignments and
// priorities show at once (optimistic) and are rolled back when the server refuses, e.g. 409 because
// another reviewer decided first.
export function useReviewQueue(me: Me, apiQuery: string) {
  const client = useQueryClient();
  const key = [...ROOT, apiQuery];
  const queue = useQuery({
    queryKey: key,
    queryFn: () => fetchJson<Queue>(`/api/console/review/queue?${new URLSearchParams(`${apiQuery}${apiQuery ? "&" : ""}day_start=${encodeURIComponent(dayStart())}`)}`),
    refetchInterval: 15_000,
    placeholderData: (previous) => previous,
  });
  const optimistic = async (change: (q: Queue) => Queue) => {
    await client.cancelQueries({ queryKey: ROOT });
    const previous = client.getQueryData<Queue>(key);
    if (previous) client.setQueryData<Queue>(key, change(previous));
    return { previous };
  };
  const rollback = (_e: Error, _v: unknown, ctx?: { previous?: Queue }) => {
    if (ctx?.previous) client.setQueryData(key, ctx.previous);
  };
  // the case's decision context (four-eyes, assignee) changes with the queue
  const settle = () => Promise.all([client.invalidateQueries({ queryKey: ROOT }), client.invalidateQueries({ queryKey: ["decision-context"] })]);
  const update = (id: string, change: (c: Queue["cases"][number]) => Queue["cases"][number]) =>
    optimistic((q) => ({ ...q, cases: q.cases.map((c) => (c.id === id ? change(c) : c)), opened: q.opened?.id === id ? change(q.opened) : q.opened }));

  const decide = useMutation({
    mutationFn: ({ id, ...json }: { id: string } & DecisionPayload) => fetchJson<{ status: string; pending: boolean }>(`/api/console/sessions/${id}/decision`, { method: "POST", json }),
    onMutate: (v) => optimistic((q) => ({ ...q, total: q.total - 1, cases: q.cases.filter((c) => c.id !== v.id), opened: q.opened?.id === v.id ? null : q.opened })),
    onError: rollback,
    onSettled: settle,
  });
  const assign = useMutation({
    mutationFn: (v: { id: string; assign: boolean }) => fetchJson(`/api/console/sessions/${v.id}/assignment`, { method: v.assign ? "POST" : "DELETE" }),
    onMutate: (v) => update(v.id, (c) => ({ ...c, assignee: v.assign ? me : null, assignedAt: v.assign ? new Date().toISOString() : null })),
    onError: rollback,
    onSettled: settle,
  });
  const prioritise = useMutation({
    mutationFn: (v: { id: string; priority: 0 | 1 | 2 }) => fetchJson(`/api/console/sessions/${v.id}/priority`, { method: "PUT", json: { priority: v.priority } }),
    onMutate: (v) => update(v.id, (c) => ({ ...c, priority: v.priority })),
    onError: rollback,
    onSettled: settle,
  });
  const bulkAssign = useMutation({
    mutationFn: (v: { sessionIds: string[]; to: string | null }) => fetchJson<{ done: number; outcomes: BulkAssignOutcome[] }>("/api/console/review/assignments", { method: "POST", json: v }),
    onSettled: settle,
  });
  return { queue, decide, assign, prioritise, bulkAssign };
}
