"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { SessionTimeline } from "@/components/cases/session-timeline";
import { fetchJson } from "@/components/console/fetch-json";
import type { CaseTimelineEntry } from "@/lib/console/get-case-timeline";

// The case timeline inside the review queue, loaded when a case is opened, with the way to its audit log.
export function CaseTimelinePanel({ sessionId }: { sessionId: string }) {
  const timeline = useQuery({ queryKey: ["case-timeline", sessionId], queryFn: () => fetchJson<{ entries: CaseTimelineEntry[] }>(`/api/console/sessions/${sessionId}/timeline`) });
  return (
    <details className="group">
      <summary className="cursor-pointer text-xs font-semibold uppercase tracking-wide text-slate-500">Timeline</summary>
      <div className="mt-3 max-h-96 overflow-y-auto pr-2">
        {timeline.isPending ? <p className="text-sm text-slate-500">Loading…</p> : timeline.isError ? <p className="text-sm text-red-700">{timeline.error.message}</p> : <SessionTimeline entries={timeline.data.entries} />}
      </div>
      <Link href={`/audit?session=${sessionId}`} className="mt-2 inline-block text-sm font-medium text-brand-700 hover:underline">
        Audit log for this session →
      </Link>
    </details>
  );
}
