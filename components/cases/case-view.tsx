"use client";

import Link from "next/link";
import { formatDateTime } from "@/components/console/format-date";
import { CaseEvidence } from "@/components/cases/case-evidence";
import { CaseTimelinePanel } from "@/components/cases/case-timeline-panel";
import { DecidedByNote } from "@/components/cases/decided-by-note";
import { ScoreBar } from "@/components/cases/score-bar";
import { WarningList } from "@/components/cases/warning-list";
import { Badge, statusTone } from "@/components/ui/badge";
import type { ReviewCase } from "@/lib/review/list-review-queue";

// What a reviewer looks at for one case: both faces, the scores against their bands, every warning.
export function CaseView({ item, canAct = false, children }: { item: ReviewCase; canAct?: boolean; children?: React.ReactNode }) {
  return (
    <article aria-label={`Case ${item.sessionNumber}`} className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-100 px-5 py-4">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">
            Session #{item.sessionNumber} <span className="font-normal text-slate-500">· {item.vendorData ?? "no vendor_data"}</span>
          </h2>
          <p className="mt-0.5 text-sm text-slate-500">
            {item.workflow} · in review since {formatDateTime(item.inReviewSince)}
          </p>
        </div>
        <Link href={`/sessions/${item.id}`} className="text-sm font-medium text-brand-700 hover:underline">
          Full session →
        </Link>
      </header>
      <div className="grid gap-6 px-5 py-5 xl:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)]">
        <CaseEvidence key={item.id} sessionId={item.id} canAct={canAct} />
        <div className="space-y-5">
          <DecidedByNote text={item.decidedBy} />
          <div className="space-y-4">
            {item.faceMatch ? <ScoreBar label="Face match" score={item.faceMatch.score} thresholds={item.faceMatch.thresholds} caption="current thresholds" /> : null}
            {item.liveness ? <ScoreBar label={`Liveness${item.liveness.method ? ` (${item.liveness.method})` : ""}`} score={item.liveness.score} thresholds={item.liveness.thresholds} caption="current thresholds" /> : null}
          </div>
          <div className="flex flex-wrap gap-1.5">
            {item.checks.map((c) => (
              <Badge key={c.feature} tone={statusTone(c.status)}>
                {c.feature.replaceAll("_", " ").toLowerCase()}: {c.status}
              </Badge>
            ))}
          </div>
          <div>
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Warnings</h3>
            {item.warnings.length === 0 ? <p className="mt-1 text-sm text-slate-500">None.</p> : <div className="mt-2"><WarningList warnings={item.warnings} /></div>}
          </div>
          <CaseTimelinePanel sessionId={item.id} />
          {children}
        </div>
      </div>
    </article>
  );
}
