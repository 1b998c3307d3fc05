import { formatDateTime } from "@/components/console/format-date";
import { Badge } from "@/components/ui/badge";
import type { SessionDetail } from "@/lib/console/get-session-detail";

const tone = (s: string) => (s === "delivered" ? "green" : s === "failed" ? "red" : "amber");

// The webhooks sent about this session: one row per destination and event.
export function SessionDeliveries({ deliveries }: { deliveries: SessionDetail["deliveries"] }) {
  if (deliveries.length === 0) return <p className="text-sm text-slate-500">No webhook deliveries for this session.</p>;
  return (
    <table className="w-full text-left text-sm" aria-label="Webhook deliveries">
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2 pr-3 font-medium">Event</th>
          <th className="py-2 pr-3 font-medium">Destination</th>
          <th className="py-2 pr-3 font-medium">Delivery</th>
          <th className="py-2 pr-3 font-medium">Attempts</th>
          <th className="py-2 font-medium">Created</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {deliveries.map((d) => (
          <tr key={d.id} data-delivery-status={d.status} data-event-status={d.eventStatus}>
            <td className="py-2 pr-3 text-slate-800">status → {d.eventStatus || "?"}</td>
            <td className="py-2 pr-3 text-slate-700" title={d.url}>
              {d.destination}
            </td>
            <td className="py-2 pr-3">
              <Badge tone={tone(d.status)}>{d.status}</Badge> {d.lastStatusCode ? <span className="text-xs text-slate-500">HTTP {d.lastStatusCode}</span> : null}
            </td>
            <td className="py-2 pr-3 tabular-nums text-slate-700">{d.attempts}</td>
            <td className="py-2 text-slate-600">{formatDateTime(d.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
