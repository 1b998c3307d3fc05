"use client";

import { fetchJson } from "@/components/console/fetch-json";
import { useConsoleAction } from "@/components/console/use-console-action";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";

// Two ways to add a face: upload a photo, or take the selfie of a session.
export function AddFaceForms({ listId }: { listId: string }) {
  const upload = useConsoleAction();
  const fromSession = useConsoleAction();
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const body = new FormData(form);
          void upload.run(() => fetchJson(`/api/console/lists/${listId}/entries`, { method: "POST", body })).then((ok) => ok && form.reset());
        }}
      >
        <h3 className="text-sm font-semibold text-slate-900">Upload a photo</h3>
        <div className="space-y-1">
          <label htmlFor="face-image" className="block text-sm font-medium text-slate-700">
            Photo (JPG, PNG or WEBP, one face)
          </label>
          <input id="face-image" name="image" type="file" accept="image/jpeg,image/png,image/webp" required className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium" />
        </div>
        <TextField label="Label" id="upload-label" name="label" maxLength={200} placeholder="Why this face is on the list" />
        {upload.error ? <p role="alert" className="text-sm text-red-700">{upload.error}</p> : null}
        <Button type="submit" disabled={upload.busy}>
          {upload.busy ? "Adding…" : "Add photo"}
        </Button>
      </form>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
          void fromSession.run(() => fetchJson(`/api/console/lists/${listId}/entries`, { method: "POST", json: { sessionId: data.sessionId.trim(), label: data.label || null } })).then((ok) => ok && form.reset());
        }}
      >
        <h3 className="text-sm font-semibold text-slate-900">From a session</h3>
        <TextField label="Session id" id="session-id" name="sessionId" required pattern="[0-9a-fA-F-]{36}" placeholder="00000000-0000-0000-0000-000000000000" hint="The selfie of that session is added." />
        <TextField label="Label" id="session-label" name="label" maxLength={200} placeholder="Defaults to the session number" />
        {fromSession.error ? <p role="alert" className="text-sm text-red-700">{fromSession.error}</p> : null}
        <Button type="submit" disabled={fromSession.busy}>
          {fromSession.busy ? "Adding…" : "Add session selfie"}
        </Button>
      </form>
    </div>
  );
}

export function RemoveEntryButton({ listId, entryId }: { listId: string; entryId: string }) {
  const { run, busy, error } = useConsoleAction();
  return (
    <>
      <Button variant="ghost" className="px-2 py-1 text-xs text-red-700" disabled={busy} onClick={() => void run(() => fetchJson(`/api/console/lists/${listId}/entries/${entryId}`, { method: "DELETE" }))}>
        Remove
      </Button>
      {error ? <span role="alert" className="text-xs text-red-700">{error}</span> : null}
    </>
  );
}
