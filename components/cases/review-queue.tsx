"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { CaseView } from "@/components/cases/case-view";
import { conflictMessage } from "@/components/cases/conflict-message";
import { DecisionForm, type Decision, type DecisionDraft, type DecisionPayload } from "@/components/cases/decision-form";
import { QueueList } from "@/components/cases/queue-list";
import { useReviewQueue } from "@/components/cases/use-review-queue";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";

type Me = { id: string; email: string };
const done: Record<Decision, string> = { Approved: "approved", Declined: "declined", Resubmitted: "handed back to the user for a new attempt" };

const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));

// The reviewer's workspace: the queue on the left, the selected case on the right. j/k move through the
// queue, a/d/r start an approve/decline/resubmission request. A refused decision keeps what was typed.
export function ReviewQueue({ me, canAct }: { me: Me; canAct: boolean }) {
  const { queue, decide, assign } = useReviewQueue(me);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [pending, setPending] = useState<Decision | null>(null);
  const [drafts, setDrafts] = useState<Record<string, DecisionDraft>>({});
  // `unsent`: the comment of a refused decision, kept in view even when the case has left the queue
  const [notice, setNotice] = useState<{ tone: "ok" | "error"; text: string; unsent?: string } | null>(null);
  const comment = useRef<HTMLTextAreaElement>(null);
  const cases = useMemo(() => queue.data?.cases ?? [], [queue.data]);
  const index = Math.max(0, cases.findIndex((c) => c.id === selectedId));
  const current = cases[index] ?? null;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || e.metaKey || e.ctrlKey || e.altKey || cases.length === 0) return;
      const move = (to: number) => {
        setSelectedId(cases[Math.min(cases.length - 1, Math.max(0, to))].id);
        setPending(null);
      };
      if (e.key === "j") move(index + 1);
      else if (e.key === "k") move(index - 1);
      else if (canAct && (e.key === "a" || e.key === "d" || e.key === "r")) {
        e.preventDefault();
        setPending(e.key === "a" ? "Approved" : e.key === "d" ? "Declined" : "Resubmitted");
        comment.current?.focus();
      } else return;
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [cases, index, canAct]);

  const submit = (payload: DecisionPayload) => {
    if (!current) return;
    const decided = current;
    setSelectedId(cases[index + 1]?.id ?? cases[index - 1]?.id ?? null);
    setPending(null);
    decide.mutate(
      { id: decided.id, ...payload },
      {
        onSuccess: (result) => {
          setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([id]) => id !== decided.id)));
          setNotice({ tone: "ok", text: result.pending ? `Session #${decided.sessionNumber}: your ${payload.decision === "Approved" ? "approval" : "decline"} awaits a second reviewer.` : `Session #${decided.sessionNumber} ${done[payload.decision]}.` });
        },
        onError: (error) => {
          setDrafts((d) => ({ ...d, [decided.id]: { ...payload, reasonCode: payload.reasonCode ?? "", customerComment: payload.customerComment ?? "" } }));
          setSelectedId(decided.id);
          setNotice({ tone: "error", text: `Session #${decided.sessionNumber}: ${conflictMessage(error)}`, unsent: payload.comment || undefined });
        },
      },
    );
  };

  if (queue.isLoading) return <p className="text-sm text-slate-500">Loading the queue…</p>;
  if (queue.error) return <p role="alert" className="text-sm text-red-700">{queue.error.message}</p>;
  return (
    <div className="space-y-4">
      {notice ? (
        <p role={notice.tone === "error" ? "alert" : "status"} className={`rounded-md px-4 py-2.5 text-sm ${notice.tone === "error" ? "bg-red-50 text-red-800 ring-1 ring-red-200" : "bg-green-50 text-green-800 ring-1 ring-green-200"}`}>
          {notice.text}
        </p>
      ) : null}
      {notice?.unsent ? (
        <label className="block text-sm font-medium text-slate-700">
          Your unsent comment
          <textarea readOnly rows={2} value={notice.unsent} className="mt-1 block w-full rounded-md border-0 bg-slate-50 px-3 py-2 text-sm text-slate-800 ring-1 ring-inset ring-slate-300" />
        </label>
      ) : null}
      {cases.length === 0 ? (
        <EmptyState title="Nothing to review">New sessions that land In Review appear here, oldest first.</EmptyState>
      ) : (
        <div className="grid gap-5 lg:grid-cols-[320px_minmax(0,1fr)]">
          <QueueList cases={cases} total={queue.data?.total ?? cases.length} selectedId={current?.id ?? null} meId={me.id} onSelect={(id) => (setSelectedId(id), setPending(null))} />
          {current ? (
            <CaseView item={current} canAct={canAct}>
              <div className="border-t border-slate-100 pt-4">
                <div className="mb-3 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                  {current.assignee ? (
                    <span>
                      Assigned to <strong className="text-slate-900">{current.assignee.id === me.id ? "you" : current.assignee.email}</strong>
                    </span>
                  ) : (
                    <span>Unassigned</span>
                  )}
                  {canAct && !current.assignee ? (
                    <Button variant="secondary" onClick={() => assign.mutate({ id: current.id, assign: true }, { onError: (e) => setNotice({ tone: "error", text: e.message }) })}>
                      Assign to me
                    </Button>
                  ) : null}
                  {canAct && current.assignee?.id === me.id ? (
                    <Button variant="ghost" onClick={() => assign.mutate({ id: current.id, assign: false }, { onError: (e) => setNotice({ tone: "error", text: e.message }) })}>
                      Unassign
                    </Button>
                  ) : null}
                </div>
                {canAct ? (
                  <DecisionForm key={current.id} ref={comment} sessionId={current.id} me={me} initial={drafts[current.id]} pending={pending} onPick={setPending} onSubmit={submit} busy={decide.isPending} />
                ) : (
                  <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600">You have view access: reviewers and admins decide cases.</p>
                )}
              </div>
            </CaseView>
          ) : null}
        </div>
      )}
      <p className="text-xs text-slate-500">
        Shortcuts: <kbd className="rounded border px-1">j</kbd>/<kbd className="rounded border px-1">k</kbd> next/previous case
        {canAct ? (
          <>
            , <kbd className="rounded border px-1">a</kbd> approve, <kbd className="rounded border px-1">d</kbd> decline, <kbd className="rounded border px-1">r</kbd> request resubmission
          </>
        ) : null}
        .
      </p>
    </div>
  );
}
