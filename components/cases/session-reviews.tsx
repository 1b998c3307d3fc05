import { formatDateTime } from "@/components/console/format-date";
import { Badge } from "@/components/ui/badge";
import type { SessionDetail } from "@/lib/console/get-session-detail";

const label = {
  approve: ["Approved", "green"],
  decline: ["Declined", "red"],
  resubmit: ["Resubmission requested", "amber"],
  reopen: ["Re-opened", "blue"],
  escalate: ["Escalated", "amber"],
  confirm: ["Second review: confirmed", "green"],
  reject: ["Second review: rejected", "slate"],
  comment: ["Note", "slate"],
} as const;

type Review = SessionDetail["reviews"][number];

// A note's text with its @mentions of console users picked out.
function NoteText({ review }: { review: Review }) {
  if (review.mentions.length === 0) return <>{review.comment}</>;
  const parts = review.comment.split(new RegExp(`(@(?:${review.mentions.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")}))`, "i"));
  return <>{parts.map((p, i) => (i % 2 === 1 ? <mark key={i} className="rounded bg-brand-50 px-0.5 font-medium text-brand-700">{p}</mark> : p))}</>;
}

// Manual decisions and notes, each with its author: the reason, the comment the customer sees, the
// internal comment, and for four-eyes decisions whether the first one still waits for a second reviewer.
export function SessionReviews({ reviews }: { reviews: SessionDetail["reviews"] }) {
  if (reviews.length === 0) return <p className="text-sm text-slate-500">No reviews or notes yet.</p>;
  return (
    <ul className="space-y-3" aria-label="Reviews">
      {reviews.map((r) => {
        const [text, tone] = label[r.action as keyof typeof label] ?? [r.action, "slate"];
        return (
          <li key={r.id} className="rounded-md bg-slate-50 px-3 py-2.5">
            <p className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
              <Badge tone={tone}>{text}</Badge>
              {r.pending ? <Badge tone="amber">awaiting second review</Badge> : null}
              <span className="font-medium text-slate-700">{r.reviewer}</span>
              <time>{formatDateTime(r.createdAt)}</time>
            </p>
            {r.reason ? <p className="mt-1.5 text-sm font-medium text-slate-800">Reason: {r.reason}</p> : null}
            {r.comment ? (
              <p className="mt-1.5 whitespace-pre-wrap text-sm text-slate-800">
                <NoteText review={r} />
              </p>
            ) : null}
            {r.customerComment ? <p className="mt-1.5 whitespace-pre-wrap text-sm text-slate-600">To the customer: {r.customerComment}</p> : null}
            {r.mentions.length ? <p className="mt-1 text-xs text-slate-500">Mentions {r.mentions.join(", ")}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
