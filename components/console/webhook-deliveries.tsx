"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/console/fetch-json";
import { formatDateTime, formatDateTimeUtc } from "@/components/console/format-date";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

type Delivery = { id: string; event_type: string; session_id: string | null; status: string; attempts: number; last_status_code: number | null; last_error: string | null; created_at: string; attempt_log: { status_code: number | null; latency_ms: number; error: string | null; created_at: string }[] };
const tone = (s: string) => (s === "delivered" ? "green" : s === "failed" ? "red" : "amber");

// Recent deliveries of one destination with every attempt, and a replay button for each.
export function WebhookDeliveries({ destinationId }: { destinationId: string }) {
  const client = useQueryClient();
  const key = ["webhook-deliveries", destinationId];
  const deliveries = useQuery({ queryKey: key, queryFn: () => fetchJson<{ data: Delivery[] }>(`/api/console/webhooks/${destinationId}/deliveries`), refetchInterval: 5_000 });
  const redeliver = useMutation({
    mutationFn: (id: string) => fetchJson(`/api/console/webhooks/deliveries/${id}/redeliver`, { method: "POST" }),
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
  const rows = deliveries.data?.data ?? [];
  if (deliveries.isLoading) return <p className="text-sm text-slate-500">Loading deliveries…</p>;
  if (rows.length === 0) return <p className="text-sm text-slate-500">Nothing sent yet.</p>;
  return (
    <div className="overflow-x-auto">
      {redeliver.error ? <p role="alert" className="mb-2 text-sm text-red-700">{redeliver.error.message}</p> : null}
      <table className="w-full text-left text-sm" aria-label="Recent deliveries">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2 pr-3 font-medium">Created</th>
            <th className="py-2 pr-3 font-medium">Event</th>
            <th className="py-2 pr-3 font-medium">Status</th>
            <th className="py-2 pr-3 font-medium">Attempts</th>
            <th className="py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((d) => (
            <tr key={d.id} data-delivery={d.id}>
              <td className="whitespace-nowrap py-2 pr-3 text-slate-600">{formatDateTime(d.created_at)}</td>
              <td className="py-2 pr-3 text-slate-700">
                {d.event_type}
                {d.session_id ? <span className="ml-1 font-mono text-[11px] text-slate-500">{d.session_id.slice(0, 8)}</span> : null}
              </td>
              <td className="py-2 pr-3">
                <Badge tone={tone(d.status)}>{d.status}</Badge>
                {d.last_status_code ? <span className="ml-1 text-xs text-slate-500">HTTP {d.last_status_code}</span> : null}
                {d.last_error ? <span className="ml-1 text-xs text-red-700">{d.last_error}</span> : null}
              </td>
              <td className="py-2 pr-3 text-xs text-slate-600">
                {d.attempt_log.length === 0
                  ? "—"
                  : d.attempt_log.map((t, i) => (
                      <span key={i} className="mr-1.5 inline-block rounded bg-slate-100 px-1.5 py-0.5" title={`${formatDateTimeUtc(t.created_at)}${t.error ? ` · ${t.error}` : ""}`}>
                        {t.status_code ?? "error"} · {t.latency_ms} ms
                      </span>
                    ))}
              </td>
              <td className="py-2 text-right">
                <Button variant="ghost" className="px-2 py-1 text-xs" disabled={redeliver.isPending || d.status === "pending"} onClick={() => redeliver.mutate(d.id)}>
                  Redeliver
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
