"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson } from "@/components/console/fetch-json";
import { WebhookDeliveries } from "@/components/console/webhook-deliveries";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";

type Destination = { id: string; label: string; url: string; enabled: boolean; subscribed_events: string[]; disabled_reason: string | null; secret_shared_key?: string };
const events = ["status.updated", "data.updated", "session.verified", "session.review_started", "session.declined"];

// Webhook destinations: add, enable/disable, rotate the secret (shown once), send a test event, delete,
// and the recent deliveries of each with a replay button.
export function WebhooksManager() {
  const client = useQueryClient();
  const [secret, setSecret] = useState<{ label: string; value: string } | null>(null);
  const list = useQuery({ queryKey: ["webhooks"], queryFn: () => fetchJson<{ data: Destination[] }>("/api/console/webhooks") });
  const refresh = () => client.invalidateQueries({ queryKey: ["webhooks"] });
  const showSecret = (d: Destination) => d.secret_shared_key && setSecret({ label: d.label, value: d.secret_shared_key });
  const create = useMutation({ mutationFn: (json: unknown) => fetchJson<Destination>("/api/console/webhooks", { method: "POST", json }), onSuccess: (d) => (showSecret(d), refresh()) });
  const action = useMutation({
    mutationFn: ({ id, kind }: { id: string; kind: "enable" | "disable" | "rotate" | "test" | "delete" }) =>
      kind === "rotate" ? fetchJson<Destination>(`/api/console/webhooks/${id}/rotate-secret`, { method: "POST" })
      : kind === "test" ? fetchJson(`/api/console/webhooks/${id}/test`, { method: "POST" })
      : kind === "delete" ? fetchJson(`/api/console/webhooks/${id}`, { method: "DELETE" })
      : fetchJson(`/api/console/webhooks/${id}`, { method: "PATCH", json: { enabled: kind === "enable" } }),
    onSuccess: (data, v) => {
      if (v.kind === "rotate") showSecret(data as Destination);
      refresh();
      client.invalidateQueries({ queryKey: ["webhook-deliveries", v.id] });
    },
  });
  return (
    <div className="space-y-6">
      <Card title="Add a destination" description="Deliveries are signed with a per-destination secret (X-Signature, X-Signature-V2, X-Signature-Simple).">
        <form
          className="grid gap-3 lg:grid-cols-[1fr_2fr_auto] lg:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            const form = e.currentTarget;
            create.mutate({ label: f.get("label"), url: f.get("url"), subscribed_events: f.getAll("events") }, { onSuccess: () => form.reset() });
          }}
        >
          <TextField label="Label" id="webhook-label" name="label" required maxLength={200} placeholder="Production backend" />
          <TextField label="URL" id="webhook-url" name="url" type="url" required placeholder="https://api.example.com/webhooks/faceid" />
          <Button type="submit" disabled={create.isPending}>
            Add destination
          </Button>
          <fieldset className="flex flex-wrap gap-x-5 gap-y-2 lg:col-span-3">
            <legend className="mb-1 text-sm font-medium text-slate-700">Events</legend>
            {events.map((ev) => (
              <label key={ev} className="flex items-center gap-1.5 text-sm text-slate-700">
                <input type="checkbox" name="events" value={ev} defaultChecked={ev === "status.updated" || ev === "data.updated"} className="h-4 w-4 rounded border-slate-300" />
                <span className="font-mono text-xs">{ev}</span>
              </label>
            ))}
          </fieldset>
        </form>
        {create.error ? <p role="alert" className="mt-3 text-sm text-red-700">{create.error.message}</p> : null}
      </Card>
      {secret ? (
        <div role="status" className="rounded-lg bg-amber-50 px-5 py-4 ring-1 ring-amber-200">
          <p className="text-sm font-medium text-amber-900">Signing secret of “{secret.label}” — copy it now, it is not shown again.</p>
          <code data-testid="webhook-secret" className="mt-2 block break-all rounded bg-white px-3 py-2 font-mono text-sm text-slate-900 ring-1 ring-amber-200">
            {secret.value}
          </code>
          <Button variant="ghost" className="mt-2" onClick={() => setSecret(null)}>
            I have stored it
          </Button>
        </div>
      ) : null}
      {action.error ? <p role="alert" className="text-sm text-red-700">{action.error.message}</p> : null}
      {list.data?.data.length === 0 ? <EmptyState title="No destinations yet">Add one above to receive session status changes.</EmptyState> : null}
      {list.data?.data.map((d) => (
        <Card
          key={d.id}
          title={d.label}
          description={d.url}
          actions={
            <div className="flex flex-wrap items-center justify-end gap-2">
              {d.enabled ? <Badge tone="green">Enabled</Badge> : <Badge>{d.disabled_reason ? `Disabled: ${d.disabled_reason}` : "Disabled"}</Badge>}
              <Button variant="secondary" disabled={action.isPending || !d.enabled} onClick={() => action.mutate({ id: d.id, kind: "test" })}>
                Send test event
              </Button>
              <Button variant="secondary" disabled={action.isPending} onClick={() => action.mutate({ id: d.id, kind: d.enabled ? "disable" : "enable" })}>
                {d.enabled ? "Disable" : "Enable"}
              </Button>
              <Button variant="secondary" disabled={action.isPending} onClick={() => confirm("Rotate the signing secret? The old one stays valid for 24 hours.") && action.mutate({ id: d.id, kind: "rotate" })}>
                Rotate secret
              </Button>
              <Button variant="ghost" className="text-red-700" disabled={action.isPending} onClick={() => confirm(`Delete “${d.label}”? Pending deliveries are dropped.`) && action.mutate({ id: d.id, kind: "delete" })}>
                Delete
              </Button>
            </div>
          }
        >
          <p className="mb-3 flex flex-wrap gap-1.5">
            {d.subscribed_events.map((ev) => (
              <span key={ev} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[11px] text-slate-600">
                {ev}
              </span>
            ))}
          </p>
          <WebhookDeliveries destinationId={d.id} />
        </Card>
      ))}
    </div>
  );
}
