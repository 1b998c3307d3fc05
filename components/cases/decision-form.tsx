"use client";

import { forwardRef, useState } from "react";
import { Button } from "@/components/ui/button";

type Decision = "Approved" | "Declined";

// Approve or decline with the comment every decision needs. The keyboard shortcuts pick the decision
// and put the cursor in the comment; Ctrl/Cmd+Enter or the button confirms.
export const DecisionForm = forwardRef<HTMLTextAreaElement, { pending: Decision | null; onPick: (d: Decision | null) => void; onSubmit: (d: Decision, comment: string) => void; busy: boolean }>(
  function DecisionForm({ pending, onPick, onSubmit, busy }, ref) {
    const [comment, setComment] = useState("");
    const [error, setError] = useState<string | null>(null);
    const submit = (d: Decision) => {
      if (!comment.trim()) {
        onPick(d);
        setError(`Write why you ${d === "Approved" ? "approve" : "decline"} this case.`);
        return;
      }
      setError(null);
      onSubmit(d, comment.trim());
      setComment("");
    };
    return (
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (pending) submit(pending);
        }}
      >
        <label htmlFor="review-comment" className="block text-sm font-medium text-slate-700">
          Decision comment <span className="font-normal text-slate-500">(required, kept in the audit log)</span>
        </label>
        <textarea
          id="review-comment"
          ref={ref}
          rows={3}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.metaKey || e.ctrlKey) && pending) submit(pending);
            if (e.key === "Escape") {
              onPick(null);
              e.currentTarget.blur();
            }
          }}
          placeholder="What did you check, and why this outcome?"
          className="block w-full rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-brand-600"
        />
        {error ? (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-2">
          <Button type="button" className={`bg-green-600 hover:bg-green-700 ${pending === "Approved" ? "ring-2 ring-green-300 ring-offset-1" : ""}`} disabled={busy} onClick={() => submit("Approved")}>
            Approve <kbd className="rounded bg-white/20 px-1 text-[11px]">A</kbd>
          </Button>
          <Button type="button" variant="danger" className={pending === "Declined" ? "ring-2 ring-red-300 ring-offset-1" : ""} disabled={busy} onClick={() => submit("Declined")}>
            Decline <kbd className="rounded bg-white/20 px-1 text-[11px]">D</kbd>
          </Button>
          {pending ? <span className="text-xs text-slate-500">Ctrl+Enter to {pending === "Approved" ? "approve" : "decline"}, Esc to cancel</span> : null}
        </div>
      </form>
    );
  },
);
