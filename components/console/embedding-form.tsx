"use client";

import type { UseMutationResult } from "@tanstack/react-query";
import { useState } from "react";
import { useApplicationSettings } from "@/components/console/use-application-settings";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SaveOutcome } from "@/components/ui/save-outcome";

type AppEmbedding = { embedOrigins: string[] | null };

type SaveEmbedding = UseMutationResult<AppEmbedding, Error, Partial<AppEmbedding>>;

function EmbeddingEditor({ initial, save }: { initial: string[] | null; save: SaveEmbedding }) {
  const [mode, setMode] = useState<"any" | "list">(initial === null ? "any" : "list");
  const [text, setText] = useState((initial ?? []).join("\n"));
  const origins = text
    .split(/[\s,]+/)
    .map((o) => o.trim())
    .filter(Boolean);
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ embedOrigins: mode === "any" ? null : origins });
      }}
    >
      <fieldset className="space-y-2">
        <legend className="sr-only">Who may embed the verification page</legend>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="radio" name="embed-mode" value="any" checked={mode === "any"} onChange={() => setMode("any")} />
          Any website
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="radio" name="embed-mode" value="list" checked={mode === "list"} onChange={() => setMode("list")} />
          Only these websites
        </label>
      </fieldset>
      {mode === "any" ? (
        <p role="note" data-testid="embed-any-warning" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          Any website can show your verification page inside a frame. A hostile site could frame it under its own content and trick people
          into verifying for someone else. List the sites that embed it to prevent that.
        </p>
      ) : (
        <div className="space-y-1">
          <label htmlFor="embed-origins" className="block text-sm font-medium text-slate-700">
            Allowed origins, one per line
          </label>
          <textarea
            id="embed-origins"
            rows={4}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={"https://app.example.com\nhttps://*.example.com"}
            className="block w-full rounded-md border-0 px-3 py-2 font-mono text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-600"
          />
          <p className="text-xs text-slate-500">Scheme, host and optional port. With no origin listed the page cannot be embedded anywhere; opening the link directly always works.</p>
        </div>
      )}
      <SaveOutcome save={save} />
      <Button type="submit" disabled={save.isPending}>
        Save embedding
      </Button>
    </form>
  );
}

// Settings card: which sites may frame the hosted capture page (its frame-ancestors policy).
export function EmbeddingForm() {
  // here rather than in the editor: a save re-keys the editor, and its outcome must outlive that
  const { settings, save } = useApplicationSettings<AppEmbedding>();
  return (
    <Card title="Embedding the verification page" description="Which websites may show the hosted capture page in an iframe. Changes apply to pages opened from now on and are audited.">
      {!settings.data ? <p className="text-sm text-slate-500">Loading…</p> : <EmbeddingEditor key={JSON.stringify(settings.data.embedOrigins)} initial={settings.data.embedOrigins} save={save} />}
    </Card>
  );
}
