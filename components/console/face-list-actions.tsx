"use client";

import { fetchJson } from "@/components/console/fetch-json";
import { useConsoleAction } from "@/components/console/use-console-action";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";

export function NewFaceListForm() {
  const { run, busy, error } = useConsoleAction();
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const data = Object.fromEntries(new FormData(form));
        void run(() => fetchJson("/api/console/lists", { method: "POST", json: data })).then((ok) => ok && form.reset());
      }}
    >
      <div className="w-64">
        <TextField label="List name" id="list-name" name="name" required maxLength={80} placeholder="e.g. Known fraudsters" />
      </div>
      <div className="w-44">
        <SelectField label="Kind" id="list-kind" name="kind" options={[{ value: "blocklist", label: "Blocklist" }, { value: "allowlist", label: "Allowlist" }]} />
      </div>
      <Button type="submit" disabled={busy}>
        Create list
      </Button>
      {error ? <p role="alert" className="w-full text-sm text-red-700">{error}</p> : null}
    </form>
  );
}

export function DeleteFaceListButton({ id, name }: { id: string; name: string }) {
  const { run, busy, error } = useConsoleAction();
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="ghost" className="text-red-700" disabled={busy} onClick={() => confirm(`Delete the list "${name}" and all its faces?`) && void run(() => fetchJson(`/api/console/lists/${id}`, { method: "DELETE" }))}>
        Delete
      </Button>
      {error ? <span role="alert" className="text-xs text-red-700">{error}</span> : null}
    </span>
  );
}
