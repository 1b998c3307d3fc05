"use client";

import { useMutation } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { ScoreHistogram } from "@/components/charts/score-histogram";
import { ThresholdInput } from "@/components/charts/threshold-input";
import { fetchJson } from "@/components/console/fetch-json";
import { plural } from "@/components/console/plural";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { estimateErrorRates } from "@/lib/console/published-error-rates";
import { simulateThresholds, type Band, type Counts, type ScoreSample } from "@/lib/console/simulate-thresholds";

const pinnedNote = (samples: ScoreSample[]) => {
  const pinned = samples.filter((s) => s.own).length;
  return pinned ? `; ${pinned} ran under a workflow's own thresholds and keep them when the defaults move` : "";
};

type Saved = { faceMatchReviewThreshold: number; faceMatchDeclineThreshold: number; livenessReviewThreshold: number; livenessDeclineThreshold: number };

function Outcomes({ counts, label }: { counts: Counts; label: string }) {
  const total = counts.approved + counts.review + counts.declined;
  const pct = (n: number) => (total ? `${Math.round((n / total) * 100)} %` : "—");
  return (
    <div className="rounded-md bg-slate-50 px-4 py-3" data-testid={`outcomes-${label}`}>
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
      <dl className="mt-2 grid grid-cols-3 gap-2 text-sm">
        {([["Approved", counts.approved, "text-green-700"], ["In Review", counts.review, "text-amber-700"], ["Declined", counts.declined, "text-red-700"]] as const).map(([name, n, tone]) => (
          <div key={name}>
            <dt className="text-xs text-slate-500">{name}</dt>
            <dd className={`text-lg font-semibold tabular-nums ${tone}`} data-outcome={name}>
              {n} <span className="text-xs font-normal text-slate-500">{pct(n)}</span>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function ErrorRates({ band }: { band: Band }) {
  const review = estimateErrorRates(band.review);
  const decline = estimateErrorRates(band.decline);
  return (
    <table className="w-full text-left text-xs" aria-label="Published error rates">
      <thead className="text-slate-500">
        <tr>
          <th className="py-1 font-medium">Threshold</th>
          <th className="py-1 font-medium">False match rate</th>
          <th className="py-1 font-medium">False non-match rate</th>
        </tr>
      </thead>
      <tbody className="text-slate-700">
        <tr>
          <td className="py-1">Auto-approve at ≥ {band.review}</td>
          <td className="py-1 tabular-nums">{review.fmr}</td>
          <td className="py-1 tabular-nums">{review.fnmr}</td>
        </tr>
        <tr>
          <td className="py-1">Not declined at ≥ {band.decline}</td>
          <td className="py-1 tabular-nums">{decline.fmr}</td>
          <td className="py-1 tabular-nums">{decline.fnmr}</td>
        </tr>
      </tbody>
    </table>
  );
}

// Drag the threshold lines (or use the number fields) and see at once what recent sessions would have
// become; saving changes the application defaults for new sessions only (audited).
export function ThresholdTuner({ saved, faceMatch, liveness, canSave }: { saved: Saved; faceMatch: ScoreSample[]; liveness: ScoreSample[]; canSave: boolean }) {
  const [fm, setFm] = useState<Band>({ review: saved.faceMatchReviewThreshold, decline: saved.faceMatchDeclineThreshold });
  const [lv, setLv] = useState<Band>({ review: saved.livenessReviewThreshold, decline: saved.livenessDeclineThreshold });
  const [base, setBase] = useState(saved);
  const sim = useMemo(() => simulateThresholds({ faceMatch, liveness, faceMatchBand: fm, livenessBand: lv }), [faceMatch, liveness, fm, lv]);
  const dirty = fm.review !== base.faceMatchReviewThreshold || fm.decline !== base.faceMatchDeclineThreshold || lv.review !== base.livenessReviewThreshold || lv.decline !== base.livenessDeclineThreshold;
  const save = useMutation({
    mutationFn: () => fetchJson<Saved>("/api/console/thresholds", { method: "PATCH", json: { faceMatchReviewThreshold: fm.review, faceMatchDeclineThreshold: fm.decline, livenessReviewThreshold: lv.review, livenessDeclineThreshold: lv.decline } }),
    onSuccess: (data) => setBase(data),
  });
  const panel = (name: string, samples: ScoreSample[], band: Band, set: (b: Band) => void, counts: Counts, withRates: boolean) => (
    <Card title={name} description={`${plural(samples.length, "recent check")} with a score${pinnedNote(samples)}.`}>
      <ScoreHistogram name={name} samples={samples} band={band} onChange={set} />
      <div className="mt-3 flex flex-wrap items-end gap-4">
        {(["decline", "review"] as const).map((which) => (
          <label key={which} className="text-xs font-medium text-slate-600">
            {which === "review" ? "Review below" : "Decline below"}
            <ThresholdInput
              // a drag of the line (or the other field) re-reads the value
              key={band[which]}
              label={`${name} ${which === "review" ? "review" : "decline"} below`}
              value={band[which]}
              // review is never below decline: each field's range stops at the other's value
              min={which === "review" ? band.decline : 0}
              max={which === "review" ? 100 : band.review}
              onCommit={(v) => set(which === "review" ? { review: v, decline: band.decline } : { review: band.review, decline: v })}
            />
          </label>
        ))}
      </div>
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <Outcomes counts={counts} label={name} />
        {withRates ? <ErrorRates band={band} /> : <p className="text-xs text-slate-500">models/cards/minifasnet.md measures the pass mark 50 on 9 PAD samples (APCER 0/5, BPCER 0/4) and 83 colour photos (BPCER 3.6%): too few attacks for error rates at other scores.</p>}
      </div>
    </Card>
  );
  return (
    <div className="space-y-6">
      <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-4 rounded-lg bg-white/95 px-5 py-3 shadow-sm ring-1 ring-slate-200 backdrop-blur">
        <Outcomes counts={sim.sessions} label="Sessions" />
        <div className="flex items-center gap-3">
          {save.error ? <p role="alert" className="text-sm text-red-700">{save.error.message}</p> : null}
          {save.isSuccess && !dirty ? <p role="status" className="text-sm text-green-700">Saved. New sessions use these thresholds.</p> : null}
          {dirty ? (
            <Button variant="ghost" onClick={() => (setFm({ review: base.faceMatchReviewThreshold, decline: base.faceMatchDeclineThreshold }), setLv({ review: base.livenessReviewThreshold, decline: base.livenessDeclineThreshold }))}>
              Reset
            </Button>
          ) : null}
          {canSave ? (
            <Button onClick={() => save.mutate()} disabled={!dirty || save.isPending}>
              Save thresholds
            </Button>
          ) : (
            <span className="text-sm text-slate-500">Admins can save thresholds.</span>
          )}
        </div>
      </div>
      <div className="grid gap-6 2xl:grid-cols-2">
        {panel("Face match", faceMatch, fm, setFm, sim.faceMatch, true)}
        {panel("Liveness", liveness, lv, setLv, sim.liveness, false)}
      </div>
    </div>
  );
}
