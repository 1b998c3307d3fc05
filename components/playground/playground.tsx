"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson } from "@/components/console/fetch-json";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { PlaygroundResult } from "@/lib/playground/run-playground-check";
import type { PlaygroundCheck } from "@/lib/playground/schemas";
import { CheckResults } from "./check-results";
import { ImageDrop } from "./image-drop";

const tabs: { check: PlaygroundCheck; label: string; description: string; fields: { field: string; label: string }[] }[] = [
  { check: "face-match", label: "Face match", description: "Two photos: are they the same person?", fields: [{ field: "source_image", label: "Image 1: the selfie" }, { field: "target_image", label: "Image 2: the reference photo" }] },
  { check: "passive-liveness", label: "Passive liveness", description: "One photo: a live person in front of the camera, or a replayed picture?", fields: [{ field: "user_image", label: "Image: the selfie" }] },
  { check: "face-search", label: "Face search", description: "One photo against this application's enrolled faces and face lists.", fields: [{ field: "user_image", label: "Image: the face to search for" }] },
];

// Drop photos in, run the same check the API runs, see the verdict and what the engine saw.
export function Playground({ applicationName }: { applicationName: string }) {
  const [active, setActive] = useState<PlaygroundCheck>("face-match");
  const [files, setFiles] = useState<Record<string, File | null>>({});
  const [keep, setKeep] = useState(false);
  const tab = tabs.find((t) => t.check === active)!;
  const run = useMutation({
    mutationFn: (input: { check: PlaygroundCheck; files: Record<string, File | null>; keep: boolean }) => {
      const form = new FormData();
      for (const { field } of tabs.find((t) => t.check === input.check)!.fields) {
        const file = input.files[field];
        if (file) form.append(field, file, file.name);
      }
      form.append("keep", input.keep ? "true" : "false");
      return fetchJson<PlaygroundResult>(`/api/console/playground/${input.check}`, { method: "POST", body: form }).then((data) => ({ data, files: input.files }));
    },
  });
  const missing = tab.fields.filter((f) => !files[f.field]);
  const select = (check: PlaygroundCheck) => {
    setActive(check);
    setFiles({});
    run.reset();
  };
  return (
    <div className="space-y-6">
      <div role="tablist" aria-label="Check" className="flex flex-wrap gap-2">
        {tabs.map((t) => (
          <button
            key={t.check}
            type="button"
            role="tab"
            aria-selected={t.check === active}
            onClick={() => select(t.check)}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${t.check === active ? "bg-brand-600 text-white" : "bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"}`}
          >
            {t.label}
          </button>
        ))}
      </div>
      <Card title={tab.label} description={`${tab.description} Runs as ${applicationName}, with its thresholds.`}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            run.mutate({ check: active, files, keep });
          }}
          className="space-y-4"
        >
          <div className={`grid gap-4 ${tab.fields.length > 1 ? "md:grid-cols-2" : "max-w-md"}`}>
            {tab.fields.map((f) => (
              <ImageDrop key={`${active}-${f.field}`} label={f.label} file={files[f.field] ?? null} testId={`drop-${f.field}`} onChange={(file) => setFiles((prev) => ({ ...prev, [f.field]: file }))} />
            ))}
          </div>
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} className="mt-0.5" />
            <span>
              Keep the images and result (stored like an API request with save_api_request, under the application&apos;s retention rules). Unticked, nothing uploaded is stored; the score, status and warnings
              are logged like any API call.
            </span>
          </label>
          <div className="flex items-center gap-3">
            <Button type="submit" disabled={run.isPending || missing.length > 0}>
              {run.isPending ? "Checking…" : `Run ${tab.label.toLowerCase()}`}
            </Button>
            {missing.length > 0 ? <p className="text-xs text-slate-500">Choose {missing.map((f) => f.label.split(":")[0].toLowerCase()).join(" and ")} first.</p> : null}
          </div>
          {run.error ? (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="playground-error">
              {run.error.message}
            </p>
          ) : null}
        </form>
      </Card>
      {run.data && run.data.data.check === active ? (
        <Card title="Result" description="The check's response as /v3 returns it, with the thresholds that decided it and what the engine saw.">
          <CheckResults data={run.data.data} files={run.data.files} />
        </Card>
      ) : null}
    </div>
  );
}
