// A duration axis that reads well: one unit for the whole axis, chosen from the largest value (ms, s,
// min, h or d), and round ticks (steps of 1, 2 or 5 × 10ⁿ in that unit) shown with just enough
// decimals, so no two ticks read the same ("0.1 s, 0.1 s, 0.0 s" was the formatter rounding
// recharts' ticks).
const units = [
  { unit: "ms", minutes: 1 / 60_000, below: 1 / 60 },
  { unit: "s", minutes: 1 / 60, below: 2 },
  { unit: "min", minutes: 1, below: 120 },
  { unit: "h", minutes: 60, below: 48 * 60 },
  { unit: "d", minutes: 1440, below: Infinity },
] as const;

export type TimeAxis = { unit: string; perMinute: number; ticks: number[]; format: (v: number) => string };

export function timeAxis(maxMinutes: number, tickCount = 4): TimeAxis {
  const max = Number.isFinite(maxMinutes) && maxMinutes > 0 ? maxMinutes : 1;
  const u = units.find((x) => max < x.below) ?? units[units.length - 1];
  const top = max / u.minutes;
  const raw = top / tickCount;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const ticks = Array.from({ length: Math.ceil(top / step - 1e-9) + 1 }, (_, i) => Number((i * step).toFixed(decimals)));
  return { unit: u.unit, perMinute: 1 / u.minutes, ticks, format: (v) => `${v.toFixed(decimals)} ${u.unit}` };
}
