import type { NodeTone } from "@/components/workflow-builder/types";

// Literal class names (Tailwind only ships classes it can see) and the minimap colour per tone.
export const nodeTones: Record<NodeTone, { icon: string; bar: string; hex: string }> = {
  slate: { icon: "bg-slate-900 text-white", bar: "bg-slate-700", hex: "#334155" },
  violet: { icon: "bg-violet-100 text-violet-700", bar: "bg-violet-500", hex: "#8b5cf6" },
  blue: { icon: "bg-blue-100 text-blue-700", bar: "bg-blue-500", hex: "#3b82f6" },
  cyan: { icon: "bg-cyan-100 text-cyan-700", bar: "bg-cyan-500", hex: "#06b6d4" },
  teal: { icon: "bg-teal-100 text-teal-700", bar: "bg-teal-500", hex: "#14b8a6" },
  indigo: { icon: "bg-indigo-100 text-indigo-700", bar: "bg-indigo-500", hex: "#6366f1" },
  amber: { icon: "bg-amber-100 text-amber-700", bar: "bg-amber-500", hex: "#f59e0b" },
  fuchsia: { icon: "bg-fuchsia-100 text-fuchsia-700", bar: "bg-fuchsia-500", hex: "#d946ef" },
  green: { icon: "bg-emerald-100 text-emerald-700", bar: "bg-emerald-500", hex: "#10b981" },
  orange: { icon: "bg-orange-100 text-orange-700", bar: "bg-orange-500", hex: "#f97316" },
  red: { icon: "bg-rose-100 text-rose-700", bar: "bg-rose-500", hex: "#f43f5e" },
};

export const outputTones = {
  green: { text: "text-emerald-700", stroke: "#10b981" },
  amber: { text: "text-amber-700", stroke: "#f59e0b" },
  red: { text: "text-rose-700", stroke: "#f43f5e" },
  violet: { text: "text-fuchsia-700", stroke: "#c026d3" },
  slate: { text: "text-slate-500", stroke: "#94a3b8" },
} as const;
