"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { fetchJson } from "@/components/console/fetch-json";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { SaveOutcome } from "@/components/ui/save-outcome";
import { AA_CONTRAST, pickBrandTextColor } from "@/lib/branding/pick-brand-text-color";

type Branding = { name: string | null; color: string | null; logoUrl: string | null };
const MAX_LOGO = 100 * 1024;

function BrandingEditor({ initial }: { initial: Branding }) {
  const client = useQueryClient();
  const [draft, setDraft] = useState(initial);
  const [logoError, setLogoError] = useState<string | null>(null);
  const save = useMutation({ mutationFn: (json: Branding) => fetchJson<Branding>("/api/console/application/branding", { method: "PUT", json }), onSuccess: (data) => client.setQueryData(["branding"], data) });
  const color = draft.color ?? "#1f57cc";
  const onBrand = pickBrandTextColor(color);
  return (
    <form
      className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_280px]"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ name: draft.name?.trim() || null, color: draft.color, logoUrl: draft.logoUrl });
      }}
    >
      <div className="space-y-4">
        <TextField label="Name shown to end users" id="brand-name" value={draft.name ?? ""} maxLength={80} placeholder="Defaults to the application name" onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        <div className="space-y-1">
          <label htmlFor="brand-color" className="block text-sm font-medium text-slate-700">
            Brand colour
          </label>
          <div className="flex items-center gap-3">
            <input id="brand-color" type="color" value={color} onChange={(e) => setDraft({ ...draft, color: e.target.value })} className="h-9 w-14 cursor-pointer rounded border border-slate-300" />
            <span className="font-mono text-sm text-slate-600">{color}</span>
          </div>
          {onBrand && !onBrand.passes ? (
            <p role="status" data-testid="brand-contrast-warning" className="text-sm text-amber-800">
              Button text on this colour reaches only {onBrand.contrast}:1 with white or near-black; {AA_CONTRAST}:1 is needed for readable text (WCAG AA). Choose a darker or a lighter shade.
            </p>
          ) : null}
        </div>
        <div className="space-y-1">
          <label htmlFor="brand-logo" className="block text-sm font-medium text-slate-700">
            Logo (PNG, JPEG, WEBP or SVG, at most 100 KB)
          </label>
          <input
            id="brand-logo"
            type="file"
            accept="image/png,image/jpeg,image/webp,image/svg+xml"
            className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              if (file.size > MAX_LOGO) return setLogoError(`The logo is ${Math.round(file.size / 1024)} KB; the limit is 100 KB.`);
              setLogoError(null);
              const reader = new FileReader();
              reader.onload = () => setDraft((d) => ({ ...d, logoUrl: String(reader.result) }));
              reader.readAsDataURL(file);
            }}
          />
          {logoError ? <p role="alert" className="text-sm text-red-700">{logoError}</p> : null}
          {draft.logoUrl ? (
            <Button type="button" variant="ghost" className="px-2 py-1 text-xs" onClick={() => setDraft({ ...draft, logoUrl: null })}>
              Remove logo
            </Button>
          ) : null}
        </div>
        <SaveOutcome save={save} saved="Saved. The hosted page uses it for new visits." />
        <Button type="submit" disabled={save.isPending}>
          Save branding
        </Button>
      </div>
      <div aria-label="Preview" className="overflow-hidden rounded-xl bg-white shadow ring-1 ring-slate-200">
        <div className="flex items-center gap-2 border-b border-slate-100 px-4 py-3">
          {draft.logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- inline data URL preview
            <img src={draft.logoUrl} alt="" className="h-7 w-auto max-w-[100px] object-contain" />
          ) : (
            <span className="flex h-7 w-7 items-center justify-center rounded-md text-xs font-bold" style={{ background: color, color: onBrand?.text }}>
              {(draft.name || "A").slice(0, 1).toUpperCase()}
            </span>
          )}
          <span className="truncate text-sm font-semibold text-slate-900">{draft.name || "Your application"}</span>
        </div>
        <div className="space-y-3 px-4 py-5 text-center">
          <div className="mx-auto h-24 w-20 rounded-[50%] border-2 border-dashed" style={{ borderColor: color }} />
          <p className="text-sm text-slate-600">Take a selfie to continue</p>
          <span className="block rounded-lg px-3 py-2 text-sm font-medium" style={{ background: color, color: onBrand?.text }}>
            Start
          </span>
        </div>
      </div>
    </form>
  );
}

// Branding of the hosted capture page, with a live preview.
export function BrandingForm() {
  const branding = useQuery({ queryKey: ["branding"], queryFn: () => fetchJson<Branding>("/api/console/application/branding") });
  return (
    <Card title="Hosted page branding" description="Name, colour and logo end users see on the capture page. Changes are audited.">
      {branding.data ? <BrandingEditor key={JSON.stringify(branding.data)} initial={branding.data} /> : <p className="text-sm text-slate-500">Loading…</p>}
    </Card>
  );
}
