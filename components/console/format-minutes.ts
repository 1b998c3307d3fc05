// Durations for people: seconds, minutes, hours or days, whichever reads best.
export function formatMinutes(m: number | null): string {
  if (m === null) return "—";
  if (m < 1) return `${(m * 60).toFixed(m * 60 < 10 ? 1 : 0)} s`;
  if (m < 120) return `${Math.round(m)} min`;
  if (m < 48 * 60) return `${(m / 60).toFixed(1)} h`;
  return `${(m / 1440).toFixed(1)} d`;
}
