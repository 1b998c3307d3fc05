"use client";

import { useState } from "react";
import { useSavedViews } from "@/components/cases/use-saved-views";
import { Button } from "@/components/ui/button";

const control = "rounded-md border-0 px-2.5 py-1.5 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300";

// Saved views: pick one to apply its filters; save the current filters under a name, for me or the team.
export function SavedViewsMenu({ filterQuery, onApply, isAdmin }: { filterQuery: string; onApply: (query: string) => void; isAdmin: boolean }) {
  const { views, save, remove } = useSavedViews();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const current = views.find((v) => v.query === filterQuery) ?? null;
  const submit = () =>
    save.mutate(
      { name, query: filterQuery, shared },
      {
        onSuccess: () => {
          setNaming(false);
          setName("");
        },
      },
    );
  return (
    <div className="flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor="queue-view" className="mb-1 block text-xs font-medium text-slate-600">
          Saved view
        </label>
        <select id="queue-view" value={current?.id ?? ""} onChange={(e) => onApply(views.find((v) => v.id === e.target.value)?.query ?? "")} className={`${control} w-48`}>
          <option value="">{current ? "All cases" : "—"}</option>
          {views.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
              {v.shared ? (v.mine ? " (shared)" : ` (${v.owner.email})`) : ""}
            </option>
          ))}
        </select>
      </div>
      {current && (current.mine || isAdmin) ? (
        <Button variant="ghost" onClick={() => remove.mutate(current.id)} disabled={remove.isPending}>
          Delete view
        </Button>
      ) : null}
      {naming ? (
        <form
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <input aria-label="View name" autoFocus required maxLength={60} value={name} onChange={(e) => setName(e.target.value)} placeholder="Name this view" className={`${control} w-40`} />
          <label className="flex items-center gap-1.5 pb-2 text-sm text-slate-700">
            <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} className="rounded border-slate-300" />
            Share with the team
          </label>
          <Button type="submit" disabled={save.isPending}>
            Save
          </Button>
          <Button type="button" variant="ghost" onClick={() => setNaming(false)}>
            Cancel
          </Button>
        </form>
      ) : !current ? (
        <Button variant="secondary" onClick={() => setNaming(true)}>
          Save view
        </Button>
      ) : null}
      {save.error ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {save.error.message}
        </p>
      ) : null}
    </div>
  );
}
