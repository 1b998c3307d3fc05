"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { decisionContextKey } from "@/components/cases/use-decision-context";
import { fetchJson } from "@/components/console/fetch-json";
import { Button } from "@/components/ui/button";
import type { DecisionContext } from "@/lib/review/get-decision-context";

type Pending = NonNullable<DecisionContext["pending"]>;

// A four-eyes case: the first reviewer's decision, and for anyone else the choice to confirm it (the
// status changes) or reject it (the case goes back to normal review, the reason is required).
export function SecondReviewPanel({ sessionId, me, pending }: { sessionId: string; me: { id: string }; pending: Pending }) {
  const client = useQueryClient();
  const [comment, setComment] = useState("");
  const settle = useMutation({
    mutationFn: (confirm: boolean) => fetchJson<{ status: string }>(`/api/console/sessions/${sessionId}/second-review`, { method: "POST", json: { confirm, comment } }),
    onSuccess: () => setComment(""),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: decisionContextKey(sessionId) }), client.invalidateQueries({ queryKey: ["review-queue"] })]),
  });
  const mine = pending.reviewer?.id === me.id;
  return (
    <section aria-label="Awaiting second review" className="space-y-3 rounded-md bg-amber-50 p-4 ring-1 ring-amber-200">
      <p className="text-sm font-semibold text-amber-900">Awaiting second review</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-500">First decision</dt>
        <dd className="font-medium text-slate-900">
          {pending.decision} by {mine ? "you" : (pending.reviewer?.email ?? "a deleted user")}, <time dateTime={pending.createdAt}>{new Date(pending.createdAt).toLocaleString()}</time>
        </dd>
        {pending.reason ? (
          <>
            <dt className="text-slate-500">Reason</dt>
            <dd>{pending.reason}</dd>
          </>
        ) : null}
        {pending.comment ? (
          <>
            <dt className="text-slate-500">Internal</dt>
            <dd className="whitespace-pre-wrap">{pending.comment}</dd>
          </>
        ) : null}
        {pending.customerComment ? (
          <>
            <dt className="text-slate-500">To the customer</dt>
            <dd className="whitespace-pre-wrap">{pending.customerComment}</dd>
          </>
        ) : null}
      </dl>
      {mine ? (
        <p className="text-sm text-amber-900">Another reviewer has to confirm or reject your decision.</p>
      ) : (
        <>
          <label htmlFor="second-review-comment" className="block text-sm font-medium text-slate-700">
            Your comment <span className="font-normal text-slate-500">(required to reject)</span>
          </label>
          <textarea id="second-review-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} className="block w-full rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600" />
          <div className="flex flex-wrap gap-2">
            <Button type="button" disabled={settle.isPending} onClick={() => settle.mutate(true)}>
              Confirm {pending.decision === "Declined" ? "decline" : "approval"}
            </Button>
            <Button type="button" variant="secondary" disabled={settle.isPending || !comment.trim()} onClick={() => settle.mutate(false)}>
              Reject, back to review
            </Button>
          </div>
        </>
      )}
      {settle.error ? (
        <p role="alert" className="text-sm text-red-700">
          {settle.error.message}
        </p>
      ) : null}
    </section>
  );
}
