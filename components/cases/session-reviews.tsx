import { formatDateTime } from "@/components/console/format-date";
import { Badge } from "@/components/ui/badge";
import type { SessionDetail } from "@/lib/console/get-session-detail";

const label = { approve: ["Approved", "green"], decline: ["Declined", "red"], comment: ["Comment", "slate"] } as const;

// Manual decisions and notes, each with its author.
export function SessionReviews({ reviews }: { reviews: SessionDetail["reviews"] }) {
  if (reviews.length === 0) return <p className="text-sm text-slate-500">No reviews or comments yet.</p>;
  return (
    <ul className="space-y-3" aria-label="Reviews">
      {reviews.map((r) => {
        const [text, tone] = label[r.action as keyof typeof label] ?? [r.action, "slate"];
        return (
          <li key={r.id} className="rounded-md bg-slate-50 px-3 py-2.5">
            <p className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
              <Badge tone={tone}>{text}</Badge>
              <span className="font-medium text-slate-700">{r.reviewer}</span>
              <time>{formatDateTime(r.createdAt)}</time>
            </p>
            {r.comment ? <p className="mt-1.5 whitespace-pre-wrap text-sm text-slate-800">{r.comment}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
