"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/console/fetch-json";
import { formatDateTime } from "@/components/console/format-date";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";

type UserRow = { id: string; email: string; name: string | null; role: string; disabled: boolean; lastLoginAt: string | null };
const roleOptions = [
  { value: "viewer", label: "Viewer: sees everything, changes nothing" },
  { value: "reviewer", label: "Reviewer: works the review queue" },
  { value: "admin", label: "Admin: keys, settings, users" },
];

export function TeamManager({ currentUserId }: { currentUserId: string }) {
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: ["console-users"], queryFn: () => fetchJson<{ data: UserRow[] }>("/api/console/users") });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["console-users"] });
  const create = useMutation({
    mutationFn: (json: Record<string, string>) => fetchJson("/api/console/users", { method: "POST", json }),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: ({ id, ...json }: { id: string; role?: string; disabled?: boolean }) => fetchJson(`/api/console/users/${id}`, { method: "PATCH", json }),
    onSuccess: refresh,
  });

  return (
    <Card title="Console users" description="Who can sign in to this console, and with which role.">
      <form
        className="grid gap-3 md:grid-cols-4 md:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          create.mutate(Object.fromEntries(new FormData(form)) as Record<string, string>, { onSuccess: () => form.reset() });
        }}
      >
        <TextField label="Email" id="new-user-email" name="email" type="email" required />
        <TextField label="Initial password" id="new-user-password" name="password" type="password" minLength={10} required autoComplete="new-password" />
        <SelectField label="Role" id="new-user-role" name="role" options={roleOptions} defaultValue="viewer" />
        <Button type="submit" disabled={create.isPending}>
          Add user
        </Button>
      </form>
      {create.error ? <p role="alert" className="mt-3 text-sm text-red-700">{create.error.message}</p> : null}
      {update.error ? <p role="alert" className="mt-3 text-sm text-red-700">{update.error.message}</p> : null}
      <table className="mt-5 w-full text-left text-sm">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-2 pr-4 font-medium">User</th>
            <th className="py-2 pr-4 font-medium">Role</th>
            <th className="py-2 pr-4 font-medium">Last sign-in</th>
            <th className="py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.data?.data.map((u) => (
            <tr key={u.id}>
              <td className="py-2 pr-4">
                <span className="font-medium text-slate-900">{u.email}</span> {u.disabled ? <Badge tone="red">Disabled</Badge> : null}
              </td>
              <td className="py-2 pr-4">
                <label className="sr-only" htmlFor={`role-${u.id}`}>
                  Role of {u.email}
                </label>
                <select
                  id={`role-${u.id}`}
                  className="rounded-md border-slate-300 py-1 text-sm ring-1 ring-slate-300"
                  value={u.role}
                  disabled={u.id === currentUserId || update.isPending}
                  onChange={(e) => update.mutate({ id: u.id, role: e.target.value })}
                >
                  {roleOptions.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.value}
                    </option>
                  ))}
                </select>
              </td>
              <td className="py-2 pr-4 text-slate-600">{formatDateTime(u.lastLoginAt)}</td>
              <td className="py-2 text-right">
                {u.id === currentUserId ? null : (
                  <Button variant="secondary" onClick={() => update.mutate({ id: u.id, disabled: !u.disabled })}>
                    {u.disabled ? "Enable" : "Disable"}
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
