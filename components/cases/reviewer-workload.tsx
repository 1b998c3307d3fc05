import type { ReviewerWorkload as Workload } from "@/lib/review/count-reviewer-workload";

// Who holds how many open cases and how many each decided today (their day) and in the last 7 days.
export function ReviewerWorkload({ team, meId }: { team: Workload[]; meId: string }) {
  return (
    <section aria-label="Reviewer workload" className="rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200">
      <h2 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Team</h2>
      <table className="mt-2 w-full text-sm">
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th className="py-1 font-medium">Reviewer</th>
            <th className="py-1 text-right font-medium">Open</th>
            <th className="py-1 text-right font-medium">Today</th>
            <th className="py-1 text-right font-medium">7 days</th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {team.map((r) => (
            <tr key={r.id} className="border-t border-slate-100">
              <td className="max-w-[160px] truncate py-1 text-slate-800">{r.id === meId ? `${r.email} (you)` : r.email}</td>
              <td className="py-1 text-right">{r.open}</td>
              <td className="py-1 text-right">{r.decidedToday}</td>
              <td className="py-1 text-right">{r.decidedWeek}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
