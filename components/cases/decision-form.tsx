"use client";

import { forwardRef, useState } from "react";
import { SecondReviewPanel } from "@/components/cases/second-review-panel";
import { useDecisionContext } from "@/components/cases/use-decision-context";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

export type Decision = "Approved" | "Declined" | "Resubmitted";
export type DecisionDraft = { decision: Decision | null; reasonCode: string; comment: string; customerComment: string };
export type DecisionPayload = { decision: Decision; reasonCode: string | null; comment: string; customerComment: string | null };

const verbs: Record<Decision, string> = { Approved: "approve", Declined: "decline", Resubmitted: "ask for a new attempt" };
const control = "block w-full rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600";
export const emptyDraft: DecisionDraft = { decision: null, reasonCode: "", comment: "", customerComment: "" };

type Props = { sessionId: string; me: { id: string }; pending: Decision | null; onPick: (d: Decision | null) => void; onSubmit: (p: DecisionPayload) => void; busy: boolean; initial?: DecisionDraft };

// Approve, decline or ask the user for a new attempt, with a reason from the team's list (required to
// decline or ask again), an internal comment and an optional comment for the customer. The keyboard
// shortcuts pick the decision and put the cursor in the comment; Ctrl/Cmd+Enter or the button confirms.
// While a first decision awaits four-eyes, the second-review panel takes its place.
export const DecisionForm = forwardRef<HTMLTextAreaElement, Props>(function DecisionForm({ sessionId, me, pending, onPick, onSubmit, busy, initial }, ref) {
  const context = useDecisionContext(sessionId);
  const [draft, setDraft] = useState<DecisionDraft>(initial ?? emptyDraft);
  const [error, setError] = useState<string | null>(null);
  const set = (change: Partial<DecisionDraft>) => setDraft((d) => ({ ...d, ...change }));
  const chosen = pending ?? draft.decision;
  const reasons = (context.data?.reasonCodes ?? []).filter((r) => !chosen || r.decisions.includes(chosen));
  const pick = (d: Decision) => {
    onPick(d);
    if (draft.reasonCode && !context.data?.reasonCodes.find((r) => r.code === draft.reasonCode)?.decisions.includes(d)) set({ decision: d, reasonCode: "" });
    else set({ decision: d });
  };
  const submit = (d: Decision) => {
    pick(d);
    const reason = context.data?.reasonCodes.find((r) => r.code === draft.reasonCode && r.decisions.includes(d));
    if (d !== "Approved" && !reason) return setError(`Pick the reason you ${verbs[d]}.`);
    if (!reason && !draft.comment.trim()) return setError(`Pick a reason or write why you ${verbs[d]} this case.`);
    setError(null);
    onSubmit({ decision: d, reasonCode: reason?.code ?? null, comment: draft.comment.trim(), customerComment: draft.customerComment.trim() || null });
  };
  if (context.data?.pending) return <SecondReviewPanel sessionId={sessionId} me={me} pending={context.data.pending} />;
  const policy = context.data?.fourEyes;
  return (
    <form className="space-y-3" aria-label="Decision" onSubmit={(e) => (e.preventDefault(), chosen && submit(chosen))}>
      <div className="grid gap-3">
        <SelectField
          id="decision-reason"
          label={<>Reason <span className="font-normal text-slate-500">{chosen && chosen !== "Approved" ? "(required)" : "(required to decline or ask again)"}</span></>}
          value={draft.reasonCode}
          onChange={(e) => set({ reasonCode: e.target.value })}
          options={[{ value: "", label: "Choose a reason…" }, ...reasons.map((r) => ({ value: r.code, label: r.label }))]}
        />
        <TextField
          id="decision-customer-comment"
          label={<>Comment for the customer <span className="font-normal text-slate-500">(optional; shown to the user, sent in webhooks)</span></>}
          value={draft.customerComment}
          maxLength={1000}
          onChange={(e) => set({ customerComment: e.target.value })}
          placeholder="e.g. Please retake the photo in daylight."
        />
      </div>
      <label htmlFor="review-comment" className="block text-sm font-medium text-slate-700">
        Internal comment <span className="font-normal text-slate-500">(reviewers and the audit log only)</span>
      </label>
      <textarea
        id="review-comment"
        ref={ref}
        rows={3}
        value={draft.comment}
        onChange={(e) => set({ comment: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey) && chosen) submit(chosen);
          if (e.key === "Escape") {
            onPick(null);
            e.currentTarget.blur();
          }
        }}
        placeholder="What did you check, and why this outcome?"
        className={control}
      />
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="button" className={`bg-green-700 hover:bg-green-800 ${chosen === "Approved" ? "ring-2 ring-green-300 ring-offset-1" : ""}`} disabled={busy} onClick={() => submit("Approved")}>
          Approve <kbd className="rounded bg-white/20 px-1 text-[11px]">A</kbd>
        </Button>
        <Button type="button" variant="danger" className={chosen === "Declined" ? "ring-2 ring-red-300 ring-offset-1" : ""} disabled={busy} onClick={() => submit("Declined")}>
          Decline <kbd className="rounded bg-white/20 px-1 text-[11px]">D</kbd>
        </Button>
        <Button type="button" variant="secondary" className={chosen === "Resubmitted" ? "ring-2 ring-amber-300 ring-offset-1" : ""} disabled={busy} onClick={() => submit("Resubmitted")}>
          Request resubmission <kbd className="rounded bg-slate-100 px-1 text-[11px]">R</kbd>
        </Button>
        {chosen ? <span className="text-xs text-slate-500">Ctrl+Enter to {verbs[chosen]}, Esc to cancel</span> : null}
      </div>
      {policy ? (
        <p className="text-xs text-slate-500">
          Four-eyes on this workflow: {[policy.declines ? "declines" : null, policy.approvalsAtRisk !== "off" ? policy.approvalsAtRisk === "any" ? "all approvals" : `approvals of ${policy.approvalsAtRisk}-risk cases${policy.approvalsAtRisk === "medium" ? " and above" : ""}` : null].filter(Boolean).join(" and ")} need a second reviewer.
        </p>
      ) : null}
    </form>
  );
});
