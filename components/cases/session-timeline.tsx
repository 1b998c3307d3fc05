import { formatDateTime } from "@/components/console/format-date";
import { Badge, statusTone } from "@/components/ui/badge";
import type { SessionDetail } from "@/lib/console/get-session-detail";

// Every status change of the session, oldest first, with who made it and why.
export function SessionTimeline({ events }: { events: SessionDetail["events"] }) {
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5" aria-label="Timeline">
      {events.map((e) => (
        <li key={e.id} className="relative">
          <span className="absolute -left-[26px] top-1 h-3 w-3 rounded-full bg-slate-400 ring-4 ring-white" />
          <time className="text-xs text-slate-500">{formatDateTime(e.createdAt)}</time>
          <p className="mt-0.5 flex flex-wrap items-center gap-1.5 text-sm text-slate-800">
            {e.fromStatus ? (
              <>
                <Badge tone={statusTone(e.fromStatus)}>{e.fromStatus}</Badge>
                <span className="text-slate-400">→</span>
              </>
            ) : null}
            <Badge tone={statusTone(e.toStatus)}>{e.toStatus}</Badge>
            <span className="text-slate-500">by {e.actor}</span>
          </p>
          {e.reason ? <p className="mt-1 text-sm text-slate-600">{e.reason}</p> : null}
        </li>
      ))}
    </ol>
  );
}
