// Durations on queue rows ("12 min", "5 h", "3 d") and the SLA deadline ("due in 3 h", "overdue 2 h").
export function formatWait(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / 1440)} d`;
}

export function formatDue(dueAt: string | null, now: number): { text: string; overdue: boolean } | null {
  if (!dueAt) return null;
  const left = new Date(dueAt).getTime() - now;
  return left < 0 ? { text: `overdue ${formatWait(-left)}`, overdue: true } : { text: `due in ${formatWait(left)}`, overdue: false };
}
