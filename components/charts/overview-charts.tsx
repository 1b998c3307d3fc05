"use client";

import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { timeAxis } from "@/components/charts/time-axis";
import { formatMinutes } from "@/components/console/format-minutes";
import type { OverviewTrends } from "@/lib/overview/get-overview-trends";

const axis = { tick: { fontSize: 11, fill: "#64748b" }, tickLine: false, axisLine: { stroke: "#e2e8f0" } };
const grid = <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />;

// Sessions created per day, stacked by where they stand now.
export function SessionsPerDayChart({ days }: { days: OverviewTrends["days"] }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        {grid}
        <XAxis dataKey="label" {...axis} interval={4} />
        <YAxis allowDecimals={false} {...axis} />
        <Tooltip cursor={{ fill: "#f1f5f9" }} />
        <Legend iconSize={10} wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="approved" name="Approved" stackId="s" fill="#16a34a" />
        <Bar dataKey="declined" name="Declined" stackId="s" fill="#dc2626" />
        <Bar dataKey="inReview" name="In Review" stackId="s" fill="#f59e0b" />
        <Bar dataKey="open" name="Not finished" stackId="s" fill="#60a5fa" />
        <Bar dataKey="other" name="Expired / abandoned" stackId="s" fill="#cbd5e1" radius={[3, 3, 0, 0]} />
      </BarChart>
    </ResponsiveContainer>
  );
}

// Share of final decisions that were approvals, per day of decision.
export function ApprovalRateChart({ days }: { days: OverviewTrends["days"] }) {
  return (
    <ResponsiveContainer width="100%" height={200}>
      <AreaChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        {grid}
        <XAxis dataKey="label" {...axis} interval={6} />
        <YAxis domain={[0, 100]} unit="%" {...axis} />
        <Tooltip formatter={(v) => [`${v} %`, "Approval rate"]} />
        <Area type="monotone" dataKey="approvalRate" stroke="#16a34a" fill="#bbf7d0" connectNulls dot={{ r: 2, fill: "#16a34a" }} name="Approval rate" />
      </AreaChart>
    </ResponsiveContainer>
  );
}

// Median time from session creation to its final decision, per day of decision, on an axis in one unit.
export function DecisionTimeChart({ days }: { days: OverviewTrends["days"] }) {
  const t = timeAxis(Math.max(0, ...days.map((d) => d.medianMinutes ?? 0)));
  const data = days.map((d) => ({ label: d.label, median: d.medianMinutes === null ? null : d.medianMinutes * t.perMinute, minutes: d.medianMinutes }));
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        {grid}
        <XAxis dataKey="label" {...axis} interval={6} />
        <YAxis {...axis} domain={[0, t.ticks.at(-1)!]} ticks={t.ticks} tickFormatter={(v) => t.format(Number(v))} width={64} />
        <Tooltip formatter={(_v, _n, item) => [formatMinutes((item.payload as { minutes: number | null }).minutes), "Median time to decision"]} />
        <Line type="monotone" dataKey="median" stroke="#1f57cc" strokeWidth={2} dot={{ r: 2 }} connectNulls name="Median time to decision" />
      </LineChart>
    </ResponsiveContainer>
  );
}

// How long the cases waiting in review have waited.
export function BacklogAgeChart({ backlog }: { backlog: OverviewTrends["backlog"] }) {
  return (
    <ResponsiveContainer width="100%" height={200}>
      <BarChart data={backlog} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        {grid}
        <XAxis dataKey="label" {...axis} />
        <YAxis allowDecimals={false} {...axis} />
        <Tooltip cursor={{ fill: "#f1f5f9" }} />
        <Bar dataKey="count" name="Cases" fill="#f59e0b" radius={[3, 3, 0, 0]} />
      </BarChart>
    </ResponsiveContainer>
  );
}
