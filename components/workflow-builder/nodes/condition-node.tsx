"use client";

import { ListInput, NumberInput, SelectInput } from "@/components/workflow-builder/config-fields";
import { BuilderIcon } from "@/components/workflow-builder/icons";
import type { ConfigFormProps, NodeDefinition } from "@/components/workflow-builder/types";
import { checkNodeTypes } from "@/lib/workflows/schemas";

const signals = [
  { value: "score_range", label: "Score in range", fresh: { signal: "score_range", feature: "LIVENESS" } },
  { value: "ip_country", label: "IP country is one of", fresh: { signal: "ip_country", countries: [] } },
  { value: "known_device", label: "Known device", fresh: { signal: "known_device" } },
  { value: "known_ip", label: "Known IP address", fresh: { signal: "known_ip" } },
  { value: "anonymous_network", label: "VPN / proxy / Tor", fresh: { signal: "anonymous_network" } },
  { value: "warnings_present", label: "Warnings present", fresh: { signal: "warnings_present" } },
];
const featureLabels: Record<string, string> = { LIVENESS: "Liveness", FACE_MATCH: "Face match", IP_ANALYSIS: "IP analysis", DEVICE_CHECK: "Device check", FACE_LIST_CHECK: "Face list check" };

function ConditionForm({ nodeId, config, onChange, errorFor, disabled }: ConfigFormProps) {
  const set = (key: string, value: unknown) => {
    const next = { ...config, [key]: value };
    if (value === undefined) delete next[key];
    onChange(next);
  };
  return (
    <div className="space-y-3">
      <SelectInput
        id={`${nodeId}-signal`}
        label="Branch on"
        value={config.signal}
        options={signals}
        disabled={disabled}
        error={errorFor("config.signal")}
        onChange={(v) => onChange({ ...signals.find((s) => s.value === v)!.fresh })}
      />
      {config.signal === "score_range" ? (
        <>
          <SelectInput
            id={`${nodeId}-feature`}
            label="Score of"
            value={config.feature}
            options={checkNodeTypes.map((t) => ({ value: t, label: featureLabels[t] }))}
            disabled={disabled}
            error={errorFor("config.feature")}
            onChange={(v) => set("feature", v)}
          />
          <div className="grid grid-cols-2 gap-3">
            <NumberInput id={`${nodeId}-min`} label="Minimum score" value={config.min} min={0} max={100} disabled={disabled} error={errorFor("config.min")} onChange={(v) => set("min", v)} />
            <NumberInput id={`${nodeId}-max`} label="Maximum score" value={config.max} min={0} max={100} disabled={disabled} error={errorFor("config.max")} onChange={(v) => set("max", v)} />
          </div>
        </>
      ) : null}
      {config.signal === "ip_country" ? (
        <ListInput id={`${nodeId}-countries`} label="Countries" value={config.countries} placeholder="e.g. DE, FR" hint="ISO codes, comma separated" disabled={disabled} error={errorFor("config.countries")} onChange={(v) => set("countries", v)} />
      ) : null}
      {config.signal === "warnings_present" ? (
        <ListInput id={`${nodeId}-risks`} label="Only these risks (optional)" value={config.risks} placeholder="any warning" disabled={disabled} error={errorFor("config.risks")} onChange={(v) => set("risks", v.length ? v : undefined)} />
      ) : null}
      <p className="text-xs text-slate-500">The “true” output is taken when the condition holds, “false” otherwise.</p>
    </div>
  );
}

function summary(c: Record<string, unknown>): string {
  if (c.signal === "score_range") {
    const f = featureLabels[String(c.feature)] ?? "Score";
    if (c.min !== undefined && c.max !== undefined) return `${f} score ${c.min}–${c.max}`;
    if (c.min !== undefined) return `${f} score ≥ ${c.min}`;
    if (c.max !== undefined) return `${f} score ≤ ${c.max}`;
    return `${f} score: set a range`;
  }
  if (c.signal === "ip_country") return `IP country in ${Array.isArray(c.countries) && c.countries.length ? c.countries.join(", ") : "…"}`;
  return signals.find((s) => s.value === c.signal)?.label ?? "Choose a signal";
}

export const conditionNode: NodeDefinition = {
  type: "CONDITION",
  title: "Condition",
  description: "Branch on a score, country or signal",
  group: "Logic",
  tone: "amber",
  icon: <BuilderIcon name="branch" />,
  defaultConfig: () => ({ signal: "score_range", feature: "LIVENESS" }),
  summary,
  outputs: () => [
    { id: "true", label: "true", tone: "green" },
    { id: "false", label: "false", tone: "red" },
  ],
  ConfigForm: ConditionForm,
};
