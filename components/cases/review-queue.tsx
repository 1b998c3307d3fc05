"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { CaseView } from "@/components/cases/case-view";
import { PrioritySelect } from "@/components/cases/case-priority";
import { conflictMessage } from "@/components/cases/conflict-message";
import { DecisionForm, type Decision, type DecisionDraft, type DecisionPayload } from "@/components/cases/decision-form";
import { QueueBulkBar } from "@/components/cases/queue-bulk-bar";
import { QueueFilterBar } from "@/components/cases/queue-filter-bar";
import { QueueList } from "@/components/cases/queue-list";
import { QueuePager } from "@/components/cases/queue-pager";
import { ReviewerWorkload } from "@/components/cases/reviewer-workload";
import { SavedViewsMenu } from "@/components/cases/saved-views-menu";
import { setQueueCase, setQueueFilters, setQueuePage, useQueueUrl } from "@/components/cases/use-queue-url";
import { useReviewQueue } from "@/components/cases/use-review-queue";
import { plural } from "@/components/console/plural";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import type { BulkAssignOutcome } from "@/lib/review/bulk-assign-review-cases";

type Me = { id: string; email: string };
type Notice = { tone: "ok" | "error"; text: string; details?: string[]; unsent?: string };
const done: Record<Decision, string> = { Approved: "approved", Declined: "declined", Resubmitted: "handed back to the user for a new attempt" };

const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));

function bulkNotice(to: string | null, asked: number, result: { done: number; outcomes: BulkAssignOutcome[] }): Notice {
  const failed = result.outcomes.filter((o) => !o.ok);
  return {
    tone: failed.length ? "error" : "ok",
    text: `${result.done} of ${plural(asked, "case")} ${to === null ? "released" : "assigned"}.`,
    details: failed.map((o) => `${o.sessionNumber ? `#${o.sessionNumber}` : o.id}: ${o.message}`),
  };
}

// The reviewer's workspace: filters (in the address) and saved views on top, the queue on the left, the
// selected case on the right. j/k move through the queue, a/d/r start an approve/decline/resubmission
// request; a refused decision keeps what was typed. A link with ?case=<id> opens that case whatever the
// filters.
export function ReviewQueue({ me, canAct, isAdmin, workflows }: { me: Me; canAct: boolean; isAdmin: boolean; workflows: { value: string; label: string }[] }) {
  const url = useQueueUrl();
  const [linked, setLinked] = useState(url.caseId);
  const apiQuery = new URLSearchParams({ ...url.filters, ...(url.page > 1 ? { page: String(url.page) } : {}), ...(linked ? { case: linked } : {}) }).toString();
  const { queue, decide, assign, prioritise, bulkAssign } = useReviewQueue(me, apiQuery);
  const [selectedId, setSelectedId] = useState<string | null>(url.caseId);
  const [pending, setPending] = useState<Decision | null>(null);
  const [drafts, setDrafts] = useState<Record<string, DecisionDraft>>({});
  // `unsent`: the comment of a refused decision, kept in view even when the case has left the queue
  const [notice, setNotice] = useState<Notice | null>(null);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const comment = useRef<HTMLTextAreaElement>(null);
  const opened = queue.data?.opened ?? null;
  const cases = useMemo(() => [...(queue.data?.opened ? [queue.data.opened] : []), ...(queue.data?.cases ?? [])], [queue.data]);
  const index = Math.max(0, cases.findIndex((c) => c.id === selectedId));
  const current = cases[index] ?? null;
  const reviewers = (queue.data?.team ?? []).map((r) => ({ value: r.id, label: r.email }));

  useEffect(() => {
    if (queue.data) setQueueCase(current?.id ?? null);
  }, [queue.data, current?.id]);

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

  const leaveLink = () => {
    setLinked(null);
    setChecked(new Set());
  };
  const fail = (e: Error) => setNotice({ tone: "error", text: e.message });

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
  const assignSelected = (to: string | null) => {
    const sessionIds = [...checked];
    bulkAssign.mutate({ sessionIds, to }, { onSuccess: (result) => (setNotice(bulkNotice(to, sessionIds.length, result)), setChecked(new Set())), onError: fail });
  };

  const filtered = Object.keys(url.filters).length > 0;
  const data = queue.data;
  return (
    <div className="space-y-4">
      <QueueFilterBar filters={url.filters} workflows={workflows} reviewers={reviewers} onChange={(changes) => (leaveLink(), setQueueFilters(changes))}>
        <SavedViewsMenu filterQuery={url.filterQuery} isAdmin={isAdmin} onApply={(query) => (leaveLink(), setQueueFilters(query))} />
      </QueueFilterBar>
      {notice ? (
        <div role={notice.tone === "error" ? "alert" : "status"} className={`rounded-md px-4 py-2.5 text-sm ${notice.tone === "error" ? "bg-red-50 text-red-800 ring-1 ring-red-200" : "bg-green-50 text-green-800 ring-1 ring-green-200"}`}>
          <p>{notice.text}</p>
          {notice.details?.length ? (
            <ul className="mt-1 list-disc pl-5">
              {notice.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {notice?.unsent ? (
        <label className="block text-sm font-medium text-slate-700">
          Your unsent comment
          <textarea readOnly rows={2} value={notice.unsent} className="mt-1 block w-full rounded-md border-0 bg-slate-50 px-3 py-2 text-sm text-slate-800 ring-1 ring-inset ring-slate-300" />
        </label>
      ) : null}
      {canAct && checked.size > 0 ? <QueueBulkBar count={checked.size} reviewers={reviewers} busy={bulkAssign.isPending} onAssign={assignSelected} onClear={() => setChecked(new Set())} /> : null}
      {queue.error ? (
        <p role="alert" className="rounded-md bg-red-50 px-4 py-2.5 text-sm text-red-800 ring-1 ring-red-200">
          {queue.error.message}
        </p>
      ) : !data ? (
        <p className="text-sm text-slate-500">Loading the queue…</p>
      ) : cases.length === 0 ? (
        data.page > 1 && data.total > 0 ? (
          <EmptyState title="No cases left on this page">
            <Button variant="secondary" onClick={() => setQueuePage(1)}>
              Back to the first page
            </Button>
          </EmptyState>
        ) : (
          <EmptyState title={filtered ? "No case matches these filters" : "Nothing to review"}>{filtered ? "Change or clear the filters above." : "New sessions that land In Review appear here, most urgent first."}</EmptyState>
        )
      ) : (
        <div className="grid gap-5 lg:grid-cols-[360px_minmax(0,1fr)]">
          <div className="space-y-4">
            <QueueList
              cases={data.cases}
              opened={opened}
              selectedId={current?.id ?? null}
              meId={me.id}
              now={queue.dataUpdatedAt}
              onSelect={(id) => (setSelectedId(id), setPending(null))}
              checked={canAct ? checked : undefined}
              onCheck={canAct ? (id, on) => setChecked((s) => (on ? new Set(s).add(id) : new Set([...s].filter((x) => x !== id)))) : undefined}
              footer={<QueuePager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(p) => (leaveLink(), setQueuePage(p))} />}
            />
            <ReviewerWorkload team={data.team} meId={me.id} />
          </div>
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
                    <Button variant="secondary" onClick={() => assign.mutate({ id: current.id, assign: true }, { onError: fail })}>
                      Assign to me
                    </Button>
                  ) : null}
                  {canAct && current.assignee?.id === me.id ? (
                    <Button variant="ghost" onClick={() => assign.mutate({ id: current.id, assign: false }, { onError: fail })}>
                      Unassign
                    </Button>
                  ) : null}
                  <span className="ml-auto">{canAct ? <PrioritySelect value={current.priority} onChange={(priority) => prioritise.mutate({ id: current.id, priority }, { onError: fail })} /> : null}</span>
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
