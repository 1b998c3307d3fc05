import Link from "next/link";
import { Card } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { formatDuration, formatRate } from "@/components/workflows/format-performance";
import type { getWorkflowPerformance } from "@/lib/performance/get-workflow-performance";

type Perf = Awaited<ReturnType<typeof getWorkflowPerformance>>;

// The figures behind the charts, with links to the sessions of each version and branch.
export function PerformanceTables({ workflowId, perf }: { workflowId: string; perf: Perf }) {
  const rate = (n: number, r: number | null) => <span className="whitespace-nowrap">{`${n} · ${formatRate(r)}`}</span>;
  const sessions = (filter: string) => `/sessions?workflow=${workflowId}&${filter}`;
  return (
    <div className="mt-6 grid gap-6 xl:grid-cols-2">
      <Card title="Per version">
        <SimpleTable
          rows={perf.versions.map((v) => ({ ...v, id: String(v.version) }))}
          empty="No sessions yet."
          columns={[
            { header: "Version", cell: (r) => <Link className="font-medium text-brand-700 hover:underline" href={sessions(`version=${r.version}`)}>v{r.version}</Link> },
            { header: "Sessions", cell: (r) => r.sessions },
            { header: "Approved", cell: (r) => rate(r.approved, r.approvalRate) },
            { header: "Review", cell: (r) => rate(r.review, r.reviewRate) },
            { header: "Declined", cell: (r) => rate(r.declined, r.declineRate) },
            { header: "Median time", cell: (r) => formatDuration(r.medianDecisionMs) },
          ]}
        />
      </Card>
      <Card title="Per step">
        <SimpleTable
          rows={perf.steps.map((s) => ({ ...s, id: s.nodeId }))}
          empty="This workflow has no checks."
          columns={[
            { header: "Step", cell: (r) => r.label },
            { header: "Reached", cell: (r) => r.reached },
            { header: "Abandoned here", cell: (r) => r.dropped },
            { header: "Retries", cell: (r) => r.retries },
          ]}
        />
      </Card>
      {perf.splits.map((split) => (
        <div key={split.nodeId} className="xl:col-span-2">
          <Card title={`Branches of ${split.label}`}>
            <div data-testid={`branches-${split.nodeId}`}>
              <SimpleTable
                rows={split.branches.map((b) => ({ ...b, id: b.branchId }))}
                empty="No branches."
                columns={[
                  { header: "Branch", cell: (r) => <Link className="font-medium text-brand-700 hover:underline" href={sessions(`branch=${encodeURIComponent(`${split.nodeId}:${r.branchId}`)}`)}>{r.branchId}</Link> },
                  { header: "Configured", cell: (r) => (r.percentage === null ? "—" : `${r.percentage} %`) },
                  { header: "Sessions", cell: (r) => <span data-testid={`branch-sessions-${r.branchId}`}>{r.sessions}</span> },
                  { header: "Approved", cell: (r) => rate(r.approved, r.approvalRate) },
                  { header: "Review", cell: (r) => rate(r.review, r.reviewRate) },
                  { header: "Declined", cell: (r) => rate(r.declined, r.declineRate) },
                  { header: "Median time", cell: (r) => formatDuration(r.medianDecisionMs) },
                ]}
              />
            </div>
          </Card>
        </div>
      ))}
    </div>
  );
}
