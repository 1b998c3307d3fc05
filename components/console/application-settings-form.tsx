"use client";

import { useApplicationSettings } from "@/components/console/use-application-settings";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { SaveOutcome } from "@/components/ui/save-outcome";

type AppSettings = {
  name: string;
  faceMatchReviewThreshold: number;
  faceMatchDeclineThreshold: number;
  livenessReviewThreshold: number;
  livenessDeclineThreshold: number;
  retentionDays: number | null;
  saveApiRequests: boolean;
  keepReferenceImages: string;
};

const retentionOptions = [
  { value: "", label: "Unlimited" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "1825", label: "5 years" },
  { value: "3650", label: "10 years" },
];
const referenceOptions = [
  { value: "in_review", label: "Only for sessions that land In Review" },
  { value: "always", label: "Always" },
  { value: "never", label: "Never (keep only its template)" },
];
const thresholdFields: { key: keyof AppSettings; label: string }[] = [
  { key: "faceMatchReviewThreshold", label: "Face match: review below" },
  { key: "faceMatchDeclineThreshold", label: "Face match: decline below" },
  { key: "livenessReviewThreshold", label: "Liveness: review below" },
  { key: "livenessDeclineThreshold", label: "Liveness: decline below" },
];

export function ApplicationSettingsForm() {
  const { settings, save } = useApplicationSettings<AppSettings>();
  const s = settings.data;
  return (
    <Card title="Application defaults" description="Applied to new requests and sessions unless a request or workflow overrides them. Changes are audited.">
      {!s ? (
        <p className="text-sm text-slate-500">Loading…</p>
      ) : (
        <form
          key={JSON.stringify(s)}
          className="space-y-5"
          onSubmit={(e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            const retention = String(f.get("retentionDays") ?? "");
            save.mutate({
              ...Object.fromEntries(thresholdFields.map(({ key }) => [key, Number(f.get(key))])),
              retentionDays: retention ? Number(retention) : null,
              saveApiRequests: f.get("saveApiRequests") === "on",
              keepReferenceImages: String(f.get("keepReferenceImages")),
            });
          }}
        >
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {thresholdFields.map(({ key, label }) => (
              <TextField key={key} label={label} id={key} type="number" min={0} max={100} step={1} required defaultValue={String(s[key])} />
            ))}
          </div>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <SelectField label="Keep stored images and results" id="retentionDays" options={retentionOptions} defaultValue={s.retentionDays ? String(s.retentionDays) : ""} />
            <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
              <input type="checkbox" name="saveApiRequests" defaultChecked={s.saveApiRequests} className="h-4 w-4 rounded border-slate-300" />
              Keep images of standalone API calls
            </label>
          </div>
          <div className="max-w-xl">
            <SelectField label="Keep the portrait_image of a session" id="keepReferenceImages" options={referenceOptions} defaultValue={s.keepReferenceImages} />
            <p className="mt-1 text-xs text-slate-500">
              The reference photo sent with POST /v3/session/ is sealed like every stored image so a reviewer can compare it with the selfie, under the same retention. With the default it is deleted as soon as a session finishes without ever going to review.
            </p>
          </div>
          <SaveOutcome save={save} />
          <Button type="submit" disabled={save.isPending}>
            Save defaults
          </Button>
        </form>
      )}
    </Card>
  );
}
