"use client";

import type { ReactNode } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BranchSummary, OutcomeSummary, StepSummary } from "@/lib/performance/summarize-workflow-performance";

const axis = { tick: { fontSize: 11, fill: "#64748b" }, tickLine: false, axisLine: { stroke: "#e2e8f0" } };
const grid = <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />;
// bars are drawn at once (no grow-in animation), so what a screenshot or a quick glance shows is final
const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

// The frame every chart here shares: grid, axes, tooltip and legend around its bars; `percent` for
// rates (0-100 %), else whole counts.
function BarFrame({ data, height, percent: rates = false, children }: { data: object[]; height: number; percent?: boolean; children: ReactNode }) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        {grid}
        <XAxis dataKey="label" {...axis} />
        {rates ? <YAxis domain={[0, 100]} unit="%" {...axis} /> : <YAxis allowDecimals={false} {...axis} />}
        {rates ? <Tooltip cursor={{ fill: "#f1f5f9" }} formatter={(v) => `${v} %`} /> : <Tooltip cursor={{ fill: "#f1f5f9" }} />}
        <Legend iconSize={10} wrapperStyle={{ fontSize: 12 }} />
        {children}
      </BarChart>
    </ResponsiveContainer>
  );
}

// The workflow's own outcomes per published version, stacked.
export function OutcomesByVersionChart({ versions }: { versions: (OutcomeSummary & { version: number })[] }) {
  const data = versions.map((v) => ({ label: `v${v.version}`, approved: v.approved, review: v.review, declined: v.declined }));
  return (
    <BarFrame data={data} height={220}>
      <Bar isAnimationActive={false} dataKey="approved" name="Approved" stackId="s" fill="#16a34a" />
      <Bar isAnimationActive={false} dataKey="review" name="In Review" stackId="s" fill="#f59e0b" />
      <Bar isAnimationActive={false} dataKey="declined" name="Declined" stackId="s" fill="#dc2626" radius={[3, 3, 0, 0]} />
    </BarFrame>
  );
}

// Per step: sessions that finished it and those abandoned there.
export function StepFunnelChart({ steps }: { steps: StepSummary[] }) {
  const data = steps.map((s) => ({ label: s.label, finished: s.finished, dropped: s.dropped, retries: s.retries }));
  return (
    <BarFrame data={data} height={220}>
      <Bar isAnimationActive={false} dataKey="finished" name="Finished the step" stackId="s" fill="#1f57cc" />
      <Bar isAnimationActive={false} dataKey="dropped" name="Abandoned here" stackId="s" fill="#f97316" radius={[3, 3, 0, 0]} />
      <Bar isAnimationActive={false} dataKey="retries" name="Retries" fill="#94a3b8" radius={[3, 3, 0, 0]} />
    </BarFrame>
  );
}

// Approval, review and decline rates side by side for each branch of one split.
export function BranchRatesChart({ branches }: { branches: BranchSummary[] }) {
  const data = branches.map((b) => ({ label: `Branch ${b.branchId}`, approved: percent(b.approvalRate), review: percent(b.reviewRate), declined: percent(b.declineRate) }));
  return (
    <BarFrame data={data} height={200} percent>
      <Bar isAnimationActive={false} dataKey="approved" name="Approval rate" fill="#16a34a" radius={[3, 3, 0, 0]} />
      <Bar isAnimationActive={false} dataKey="review" name="Review rate" fill="#f59e0b" radius={[3, 3, 0, 0]} />
      <Bar isAnimationActive={false} dataKey="declined" name="Decline rate" fill="#dc2626" radius={[3, 3, 0, 0]} />
    </BarFrame>
  );
}
