import { LocalTime } from "@/components/console/local-time";
import { Badge, statusTone, type BadgeTone } from "@/components/ui/badge";
import type { CaseTimelineEntry, CaseTimelineKind } from "@/lib/console/get-case-timeline";

const dots: Record<CaseTimelineKind, string> = {
  created: "bg-slate-400",
  started: "bg-brand-500",
  attempt: "bg-brand-500",
  check: "bg-slate-300",
  status: "bg-amber-500",
  assignment: "bg-violet-500",
  note: "bg-sky-500",
  decision: "bg-green-600",
  webhook: "bg-slate-300",
  audit: "bg-slate-400",
};
const kindLabels: Record<CaseTimelineKind, string> = { created: "created", started: "capture", attempt: "attempt", check: "check", status: "status", assignment: "assignment", note: "note", decision: "decision", webhook: "webhook", audit: "audit" };
const kindTone = (k: CaseTimelineKind): BadgeTone => (k === "decision" ? "green" : k === "assignment" || k === "note" ? "blue" : "slate");

// Everything that happened to the case, oldest first, with who did it; times in the viewer's zone.
export function SessionTimeline({ entries }: { entries: CaseTimelineEntry[] }) {
  if (entries.length === 0) return <p className="text-sm text-slate-500">Nothing has happened yet.</p>;
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5" aria-label="Timeline">
      {entries.map((e) => (
        <li key={e.id} className="relative" data-kind={e.kind}>
          <span className={`absolute -left-[26px] top-1 h-3 w-3 rounded-full ring-4 ring-white ${dots[e.kind]}`} />
          <div className="flex flex-wrap items-center gap-x-2 text-xs text-slate-500">
            <LocalTime value={e.at} seconds />
            <Badge tone={kindTone(e.kind)}>{kindLabels[e.kind]}</Badge>
          </div>
          <p className="mt-0.5 flex flex-wrap items-center gap-1.5 text-sm text-slate-800">
            {e.kind === "status" && e.fromStatus && e.status ? (
              <>
                <Badge tone={statusTone(e.fromStatus)}>{e.fromStatus}</Badge>
                <span className="text-slate-500">→</span>
                <Badge tone={statusTone(e.status)}>{e.status}</Badge>
              </>
            ) : (
              <span className="font-medium">{e.title}</span>
            )}
            {e.actor ? <span className="text-slate-500">by {e.actor}</span> : null}
          </p>
          {e.lines.map((line, i) => (
            <p key={i} className="mt-0.5 break-words text-sm text-slate-600">
              {line}
            </p>
          ))}
        </li>
      ))}
    </ol>
  );
}
