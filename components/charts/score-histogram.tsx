"use client";

import { useRef } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Band, ScoreSample } from "@/lib/console/simulate-thresholds";

const BIN = 5;
const Y_AXIS = 36;
const MARGIN = { top: 18, right: 16, bottom: 0, left: 0 };
const X_AXIS = 24;
const LEGEND = 28;
const LINES = { decline: { color: "#dc2626", text: "text-red-700", label: "decline" }, review: { color: "#d97706", text: "text-amber-700", label: "review" } } as const;

function bins(samples: ScoreSample[]) {
  const rows = Array.from({ length: 100 / BIN }, (_, i) => ({ bin: `${i * BIN}–${i * BIN + BIN}`, approved: 0, declined: 0, unreviewed: 0 }));
  for (const s of samples) rows[Math.min(rows.length - 1, Math.floor(s.score / BIN))][s.outcome]++;
  return rows;
}

// Scores of recent checks in 5-point bins, stacked by the reviewer's verdict. The 20 equal bins span the
// plot exactly, so score s sits at s% of the plot width: the overlay draws the ticks and the two
// threshold lines there, and the lines can be dragged (or moved with the arrow keys).
export function ScoreHistogram({ samples, band, onChange, name }: { samples: ScoreSample[]; band: Band; onChange: (b: Band) => void; name: string }) {
  const overlay = useRef<HTMLDivElement>(null);
  const dragging = useRef<keyof Band | null>(null);
  const set = (which: keyof Band, raw: number) => {
    const v = Math.round(Math.min(100, Math.max(0, raw)));
    onChange(which === "review" ? { review: Math.max(v, band.decline), decline: band.decline } : { review: band.review, decline: Math.min(v, band.review) });
  };
  const scoreAt = (clientX: number) => {
    const r = overlay.current!.getBoundingClientRect();
    return ((clientX - r.left) / r.width) * 100;
  };
  return (
    <div className="relative h-72 select-none">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bins(samples)} margin={MARGIN} barCategoryGap={1}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="bin" height={X_AXIS} tick={false} axisLine={{ stroke: "#cbd5e1" }} />
          <YAxis width={Y_AXIS} allowDecimals={false} tick={{ fontSize: 11, fill: "#64748b" }} />
          <Tooltip labelFormatter={(bin) => `score ${bin}`} cursor={{ fill: "#f1f5f9" }} />
          <Legend height={LEGEND} iconSize={10} wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="approved" name="Reviewer approved" stackId="s" fill="#16a34a" />
          <Bar dataKey="declined" name="Reviewer declined" stackId="s" fill="#dc2626" />
          <Bar dataKey="unreviewed" name="Not reviewed" stackId="s" fill="#94a3b8" />
        </BarChart>
      </ResponsiveContainer>
      <div ref={overlay} className="pointer-events-none absolute" style={{ left: MARGIN.left + Y_AXIS, right: MARGIN.right, top: MARGIN.top, bottom: X_AXIS + LEGEND }}>
        {[0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((t) => (
          <span key={t} className="absolute top-full mt-1 -translate-x-1/2 text-[11px] text-slate-500" style={{ left: `${t}%` }}>
            {t}
          </span>
        ))}
        {(["decline", "review"] as const).map((which) => (
          <div
            key={which}
            role="slider"
            tabIndex={0}
            aria-label={`${name} ${which} threshold`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={band[which]}
            className="group pointer-events-auto absolute -top-4 bottom-0 -ml-2.5 w-5 cursor-ew-resize touch-none focus:outline-none"
            style={{ left: `${band[which]}%` }}
            onPointerDown={(e) => {
              dragging.current = which;
              e.currentTarget.setPointerCapture(e.pointerId);
            }}
            onPointerMove={(e) => dragging.current === which && set(which, scoreAt(e.clientX))}
            onPointerUp={() => (dragging.current = null)}
            onKeyDown={(e) => {
              const step = e.key === "ArrowRight" || e.key === "ArrowUp" ? 1 : e.key === "ArrowLeft" || e.key === "ArrowDown" ? -1 : 0;
              if (!step) return;
              e.preventDefault();
              set(which, band[which] + step);
            }}
          >
            <div className="absolute inset-y-0 left-1/2 w-0.5 -translate-x-1/2 group-hover:w-1 group-focus-visible:w-1" style={{ background: LINES[which].color }} />
            <span
              className={`absolute top-0 whitespace-nowrap rounded bg-white/90 px-1 text-[11px] font-medium ${LINES[which].text} ${which === "review" ? "right-1/2 mr-1" : "left-1/2 ml-1"}`}
            >
              {LINES[which].label} {band[which]}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}
