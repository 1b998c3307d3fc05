"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson } from "@/components/console/fetch-json";
import { formatDateTime } from "@/components/console/format-date";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";

type ApiKeyRow = { id: string; name: string; keyId: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

export function ApiKeysManager() {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<{ name: string; key: string; keyId: string } | null>(null);
  const keys = useQuery({ queryKey: ["api-keys"], queryFn: () => fetchJson<{ data: ApiKeyRow[] }>("/api/console/api-keys") });
  const create = useMutation({
    mutationFn: (name: string) => fetchJson<{ name: string; key: string; keyId: string }>("/api/console/api-keys", { method: "POST", json: { name } }),
    onSuccess: (data) => {
      setCreated(data);
      queryClient.invalidateQueries({ queryKey: ["api-keys"] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => fetchJson<void>(`/api/console/api-keys/${id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["api-keys"] }),
  });

  return (
    <div className="space-y-6">
      <Card title="Create a key" description="The key is shown once. Store it in your backend's secret manager.">
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            const name = String(new FormData(e.currentTarget).get("name") ?? "");
            create.mutate(name);
            e.currentTarget.reset();
          }}
        >
          <div className="min-w-64 flex-1">
            <TextField label="Name" id="name" placeholder="e.g. production backend" required maxLength={80} />
          </div>
          <Button type="submit" disabled={create.isPending}>
            Create key
          </Button>
        </form>
        {create.error ? <p role="alert" className="mt-3 text-sm text-red-700">{create.error.message}</p> : null}
        {created ? (
          <div className="mt-4 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200" role="status">
            <p className="text-sm font-medium text-amber-900">
              Copy the key for “{created.name}” now; it will not be shown again. The list shows it as <span className="font-mono">{created.keyId}</span>.
            </p>
            <code data-testid="new-api-key" className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-sm text-slate-900">
              {created.key}
            </code>
          </div>
        ) : null}
      </Card>
      <Card title="Keys">
        {keys.isLoading ? <p className="text-sm text-slate-500">Loading…</p> : null}
        {keys.error ? <p role="alert" className="text-sm text-red-700">{keys.error.message}</p> : null}
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="py-2 pr-4 font-medium">Name</th>
              <th className="py-2 pr-4 font-medium">Key id</th>
              <th className="py-2 pr-4 font-medium">Created</th>
              <th className="py-2 pr-4 font-medium">Last used</th>
              <th className="py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {keys.data?.data.map((k) => (
              <tr key={k.id}>
                <td className="py-2 pr-4 font-medium text-slate-900">{k.name}</td>
                <td className="py-2 pr-4 font-mono text-slate-600">{k.keyId}</td>
                <td className="py-2 pr-4 text-slate-600">{formatDateTime(k.createdAt)}</td>
                <td className="py-2 pr-4 text-slate-600">{formatDateTime(k.lastUsedAt)}</td>
                <td className="py-2 text-right">
                  {k.revokedAt ? (
                    <Badge tone="red">Revoked</Badge>
                  ) : (
                    <Button variant="secondary" onClick={() => confirm(`Revoke “${k.name}”? Requests using it will fail.`) && revoke.mutate(k.id)}>
                      Revoke
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
