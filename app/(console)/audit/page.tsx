import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar, type FilterField } from "@/components/console/filter-bar";
import { FilterProblems } from "@/components/console/filter-problems";
import { LocalTime } from "@/components/console/local-time";
import { Pagination } from "@/components/console/pagination";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/card";
import { SimpleTable } from "@/components/ui/simple-table";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { requirePageUser } from "@/lib/auth/require-page-user";
import { listAuditLogs } from "@/lib/console/list-audit-logs";
import { readPageFilters, type PageSearchParams } from "@/lib/console/read-page-filters";
import { auditFiltersSchema } from "@/lib/console/schemas";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "Audit log" };

const actionTone = (a: string) => (/declin|delet|revok|disabl/.test(a) ? "red" : /approv|creat|enabl/.test(a) ? "green" : /assign|comment/.test(a) ? "blue" : "slate");

function Details({ value }: { value: Record<string, unknown> | null }) {
  if (!value || Object.keys(value).length === 0) return <span className="text-slate-500">—</span>;
  return (
    <span className="block max-w-md truncate font-mono text-[11px] text-slate-600" title={JSON.stringify(value, null, 2)}>
      {Object.entries(value)
        .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`)
        .join(" · ")}
    </span>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  await requirePageUser("viewer");
  const app = await getConsoleApplication();
  const read = readPageFilters(auditFiltersSchema, await searchParams);
  // a bad filter is named on the page (values kept in the bar) and left out; the rest still apply
  const invalid = new Set(read.problems.map((p) => p.field.split(".")[0]));
  const filters = read.filters ?? auditFiltersSchema.parse(Object.fromEntries(Object.entries(read.raw).filter(([k]) => !invalid.has(k))));
  const result = await listAuditLogs(getDb(), { applicationId: app.id, filters });
  const fields: FilterField[] = [
    { name: "session", label: "Session", type: "text", placeholder: "id or number" },
    { name: "actor", label: "Actor", type: "text", placeholder: "email or key name" },
    { name: "action", label: "Action", type: "select", options: result.actions.map((a) => ({ value: a, label: a })) },
    { name: "from", label: "From", type: "date" },
    { name: "to", label: "To", type: "date" },
  ];
  return (
    <>
      <PageHeader title="Audit log" description="Who did what, and when. Entries are append-only: nobody, admins included, can edit or delete them." />
      {read.problems.length > 0 ? <FilterProblems problems={read.problems} fields={fields} /> : null}
      {filters.session ? (
        <p className="mb-4 text-sm text-slate-600" data-testid="audit-session-filter">
          {result.session ? (
            <>
              Entries for{" "}
              <Link href={`/sessions/${result.session.id}`} className="font-medium text-brand-700 hover:underline">
                session #{result.session.sessionNumber}
              </Link>{" "}
              only.
            </>
          ) : (
            <>{`No session ${filters.session} in this application.`}</>
          )}
        </p>
      ) : null}
      <FilterBar
        label="Filter audit log"
        values={{ ...read.values, page: undefined }}
        fields={fields}
      />
      <SimpleTable
        rows={result.rows}
        empty="No audit entries match these filters."
        columns={[
          { header: "When", cell: (r) => <LocalTime value={r.createdAt} className="whitespace-nowrap" seconds /> },
          { header: "Actor", cell: (r) => <span className="font-medium text-slate-900">{r.actor} <span className="font-normal text-slate-500">({r.actorType.replace("_", " ")})</span></span> },
          { header: "Action", cell: (r) => <Badge tone={actionTone(r.action)}>{r.action}</Badge> },
          {
            header: "Target",
            cell: (r) =>
              r.targetType === "session" && r.targetId ? (
                <Link href={`/sessions/${r.targetId}`} className="text-brand-700 hover:underline">
                  session {r.targetId.slice(0, 8)}
                </Link>
              ) : r.targetType ? (
                <span className="text-slate-600">
                  {r.targetType.replaceAll("_", " ")} <span className="font-mono text-[11px]">{r.targetId?.slice(0, 12)}</span>
                </span>
              ) : (
                "—"
              ),
          },
          { header: "Details", cell: (r) => <Details value={r.details} /> },
        ]}
      />
      {read.filters ? <Pagination basePath="/audit" params={read.values} page={result.page} pages={result.pages} total={result.total} noun="entry" nouns="entries" /> : null}
    </>
  );
}
