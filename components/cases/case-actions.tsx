"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { decisionContextKey, useDecisionContext } from "@/components/cases/use-decision-context";
import { fetchJson } from "@/components/console/fetch-json";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { priorityLabels } from "@/lib/review/queue-filters";

const control = "block w-full rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600";
const REOPENABLE = new Set(["Approved", "Declined", "Abandoned", "Resubmitted"]);
const escalations = [
  { value: "1", label: "high priority" },
  { value: "2", label: "urgent" },
];

// What a reviewer can do to a case besides deciding it: re-open a decided one, escalate one in review
// (higher priority, optionally to someone else) or hand it to another reviewer (admins and the holder).
export function CaseActions({ sessionId, me }: { sessionId: string; me: { id: string; isAdmin: boolean } }) {
  const router = useRouter();
  const client = useQueryClient();
  const context = useDecisionContext(sessionId);
  const [comment, setComment] = useState("");
  const [priority, setPriority] = useState<1 | 2>(1);
  const [assigneeId, setAssigneeId] = useState("");
  const act = useMutation({
    mutationFn: (a: { path: string; json: unknown }) => fetchJson(`/api/console/sessions/${sessionId}/${a.path}`, { method: "POST", json: a.json }),
    onSuccess: () => {
      setComment("");
      router.refresh();
    },
    onSettled: () => client.invalidateQueries({ queryKey: decisionContextKey(sessionId) }),
  });
  const c = context.data;
  if (!c) return null;
  const others = c.reviewers.filter((r) => r.id !== c.assignee?.id);
  const canHandOver = me.isAdmin || c.assignee?.id === me.id;
  return (
    <div className="space-y-3">
      {REOPENABLE.has(c.status) ? (
        <p className="text-sm text-slate-600">Re-opening puts the case back in the review queue; an approval&apos;s enrolment is withdrawn until it is approved again.</p>
      ) : c.status === "In Review" ? (
        <p className="text-sm text-slate-600">
          Priority: <strong>{priorityLabels[c.priority]?.toLowerCase() ?? c.priority}</strong> · assigned to <strong>{c.assignee?.email ?? "nobody"}</strong>
        </p>
      ) : null}
      {REOPENABLE.has(c.status) || c.status === "In Review" ? (
        <>
          <label htmlFor="case-action-comment" className="block text-sm font-medium text-slate-700">
            Why? <span className="font-normal text-slate-500">(internal)</span>
          </label>
          <textarea id="case-action-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} className={control} />
        </>
      ) : null}
      {REOPENABLE.has(c.status) ? (
        <Button type="button" variant="secondary" disabled={act.isPending || !comment.trim()} onClick={() => act.mutate({ path: "decision", json: { decision: "In Review", comment } })}>
          Re-open for review
        </Button>
      ) : null}
      {c.status === "In Review" ? (
        <div className="flex flex-wrap items-end gap-2">
          <SelectField id="case-escalate-priority" label="Escalate to" value={priority} onChange={(e) => setPriority(Number(e.target.value) as 1 | 2)} options={escalations} />
          {canHandOver ? (
            <SelectField id="case-hand-to" label="Hand to" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)} options={[{ value: "", label: "keep the assignee" }, ...others.map((r) => ({ value: r.id, label: r.email }))]} />
          ) : null}
          <Button type="button" variant="secondary" disabled={act.isPending || !comment.trim()} onClick={() => act.mutate({ path: "escalation", json: { priority, assigneeId: assigneeId || null, comment } })}>
            Escalate
          </Button>
          {canHandOver && assigneeId ? (
            <Button type="button" variant="ghost" disabled={act.isPending} onClick={() => act.mutate({ path: "assignment", json: { userId: assigneeId } })}>
              Only reassign
            </Button>
          ) : null}
        </div>
      ) : null}
      {act.error ? (
        <p role="alert" className="text-sm text-red-700">
          {act.error.message}
        </p>
      ) : null}
    </div>
  );
}
