"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { estimateErrorRates, held, publishedErrorPoints, publishedModel } from "@/lib/console/published-error-rates";

type Thresholds = { review: number; decline: number };

// Where a face-match score sits against what the project publishes for its recogniser: the
// false non-match rate measured on the held-out pairs at the published score points (the only points
// measured: nothing is drawn between or beyond them that was not measured), the application's two
// thresholds, and this pair's score.
export function ErrorRateChart({ score, thresholds }: { score: number; thresholds: Thresholds | null }) {
  const data = publishedErrorPoints.map((p) => ({ score: p.score, fnmr: Math.round(p.fnmr * 100) / 100 }));
  const rates = estimateErrorRates(Math.round(score));
  return (
    <div data-testid="error-rate-chart">
      <div className="h-48">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 16, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="score" type="number" domain={[0, 100]} ticks={[0, 20, 40, 50, 60, 70, 80, 100]} tick={{ fontSize: 11 }} />
            <YAxis unit=" %" tick={{ fontSize: 11 }} width={44} domain={[0, (max: number) => Math.max(5, Math.ceil(max + 1))]} />
            <Tooltip formatter={(v) => [`${v} %`, "False non-match rate"]} labelFormatter={(l) => `Threshold at ${l}`} />
            {thresholds ? <ReferenceLine x={thresholds.decline} stroke="#ef4444" strokeDasharray="4 3" label={{ value: `decline < ${thresholds.decline}`, position: "insideTopLeft", fontSize: 10, fill: "#b91c1c" }} /> : null}
            {thresholds ? <ReferenceLine x={thresholds.review} stroke="#f59e0b" strokeDasharray="4 3" label={{ value: `review < ${thresholds.review}`, position: "insideTopRight", fontSize: 10, fill: "#b45309" }} /> : null}
            <ReferenceLine x={Math.max(0, Math.min(100, score))} stroke="#0f172a" strokeWidth={2} label={{ value: `this pair: ${Math.round(score)}`, position: "top", fontSize: 11, fill: "#0f172a" }} />
            <Line type="linear" dataKey="fnmr" name="False non-match rate" stroke="#2563eb" strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p className="mt-2 text-xs text-slate-600" data-testid="error-rate-at-score">
        A threshold at this score would have, on {held.genuine} genuine and {held.impostor} impostor held-out pairs ({publishedModel.id}, {publishedModel.card}): false match rate {rates.fmr}, false non-match rate {rates.fnmr} ({rates.basis}).
        Measured points: {publishedErrorPoints.map((p) => `${p.score} → FMR ${p.fmrLabel}, FNMR ${p.fnmr.toFixed(1)} %`).join("; ")}.
      </p>
    </div>
  );
}
