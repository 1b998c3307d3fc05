import { ScoreBar } from "@/components/cases/score-bar";
import { WarningList } from "@/components/cases/warning-list";
import { Badge, statusTone } from "@/components/ui/badge";
import { featureNames } from "@/lib/console/describe-check";
import type { SessionDetail } from "@/lib/console/get-session-detail";

// Every check attempt: status, score against the thresholds it was judged by, and its warnings.
export function SessionChecks({ checks }: { checks: SessionDetail["checks"] }) {
  if (checks.length === 0) return <p className="text-sm text-slate-500">No checks have run yet.</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {checks.map((c) => (
        <li key={c.id} className="py-4 first:pt-0 last:pb-0" data-check={c.feature}>
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="text-sm font-semibold text-slate-900">{featureNames[c.feature] ?? c.feature}</h3>
            <Badge tone={statusTone(c.status)}>{c.status}</Badge>
            {c.method ? <Badge>{c.method}</Badge> : null}
            <span className="text-xs text-slate-500">attempt {c.attempt}</span>
          </div>
          {c.thresholds ? (
            <div className="mt-3 max-w-md">
              <ScoreBar label={featureNames[c.feature] ?? c.feature} score={c.score} thresholds={c.thresholds} />
              <p className="mt-1 text-[11px] text-slate-500">Bands: current {c.thresholdSource === "workflow" ? "thresholds of the workflow step" : "application defaults"}; a warning below states those applied at the time.</p>
            </div>
          ) : (
            <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
              {Object.entries(c.data)
                .filter(([k, v]) => k !== "nodeId" && (typeof v === "boolean" || typeof v === "number" || typeof v === "string"))
                .map(([k, v]) => (
                  <div key={k} className="flex gap-1.5">
                    <dt className="text-slate-500">{k.replaceAll("_", " ")}</dt>
                    <dd className="font-medium text-slate-800">{String(v)}</dd>
                  </div>
                ))}
            </dl>
          )}
          {c.warnings.length ? (
            <div className="mt-3">
              <WarningList warnings={c.warnings} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
