import type { Db } from "@/lib/db";

const DAYS = 30;
const MAX_ROWS = 50_000;
const groups = { Approved: "approved", Declined: "declined", "In Review": "inReview", "Not Started": "open", "In Progress": "open", "Awaiting User": "open" } as const;
type Group = (typeof groups)[keyof typeof groups] | "other";
const BACKLOG_BUCKETS = [
  { label: "< 1 h", maxHours: 1 },
  { label: "1–4 h", maxHours: 4 },
  { label: "4–24 h", maxHours: 24 },
  { label: "1–3 days", maxHours: 72 },
  { label: "> 3 days", maxHours: Infinity },
];

const dayKey = (d: Date) => d.toISOString().slice(0, 10);
function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

// The overview's trends over the last 30 days (UTC days): sessions created per day by status group,
// approval rate and median minutes from creation to a final Approved/Declined, and how long the cases
// now in review have waited. Aggregated in memory from three narrow columns.
export async function getOverviewTrends(db: Db, input: { applicationId: string; now?: Date }) {
  const now = input.now ?? new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (DAYS - 1)));
  const [rows, backlog] = await Promise.all([
    db.verificationSession.findMany({
      where: { applicationId: input.applicationId, OR: [{ createdAt: { gte: start } }, { decidedAt: { gte: start } }] },
      select: { createdAt: true, decidedAt: true, status: true },
      take: MAX_ROWS,
    }),
    db.verificationSession.findMany({ where: { applicationId: input.applicationId, status: "In Review" }, select: { decidedAt: true, createdAt: true } }),
  ]);
  const days = Array.from({ length: DAYS }, (_, i) => {
    const d = new Date(start.getTime() + i * 86_400_000);
    return { day: dayKey(d), label: d.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }), approved: 0, declined: 0, inReview: 0, open: 0, other: 0, decided: 0, approvedDecided: 0, minutes: [] as number[] };
  });
  const byDay = new Map(days.map((d) => [d.day, d]));
  for (const r of rows) {
    const created = byDay.get(dayKey(r.createdAt));
    if (created) created[(groups[r.status as keyof typeof groups] ?? "other") as Group]++;
    if (r.decidedAt && (r.status === "Approved" || r.status === "Declined")) {
      const decided = byDay.get(dayKey(r.decidedAt));
      if (!decided) continue;
      decided.decided++;
      if (r.status === "Approved") decided.approvedDecided++;
      decided.minutes.push((r.decidedAt.getTime() - r.createdAt.getTime()) / 60_000);
    }
  }
  const allMinutes = days.flatMap((d) => d.minutes);
  const decided = days.reduce((n, d) => n + d.decided, 0);
  const approved = days.reduce((n, d) => n + d.approvedDecided, 0);
  const ages = backlog.map((b) => (now.getTime() - (b.decidedAt ?? b.createdAt).getTime()) / 3_600_000);
  return {
    days: days.map(({ minutes, ...d }) => ({ ...d, approvalRate: d.decided ? Math.round((d.approvedDecided / d.decided) * 1000) / 10 : null, medianMinutes: median(minutes) })),
    approvalRate: decided ? Math.round((approved / decided) * 1000) / 10 : null,
    medianMinutes: median(allMinutes),
    backlog: BACKLOG_BUCKETS.map((b, i) => ({ label: b.label, count: ages.filter((h) => h < b.maxHours && (i === 0 || h >= BACKLOG_BUCKETS[i - 1].maxHours)).length })),
    oldestBacklogHours: ages.length ? Math.max(...ages) : null,
  };
}
export type OverviewTrends = Awaited<ReturnType<typeof getOverviewTrends>>;
