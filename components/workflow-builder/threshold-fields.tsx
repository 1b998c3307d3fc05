"use client";

import { NumberInput, patchConfig } from "@/components/workflow-builder/config-fields";
import type { ConfigFormProps } from "@/components/workflow-builder/types";

// Review / decline score thresholds shared by liveness and face match; empty = the application's.
export function ThresholdFields({ nodeId, config, onChange, errorFor, disabled }: ConfigFormProps) {
  return (
    <div className="grid grid-cols-2 gap-3">
      <NumberInput
        id={`${nodeId}-review`}
        label="Review below"
        value={config.review_threshold}
        min={0}
        max={100}
        placeholder="App default"
        disabled={disabled}
        error={errorFor("config.review_threshold")}
        onChange={(v) => onChange(patchConfig(config, "review_threshold", v))}
      />
      <NumberInput
        id={`${nodeId}-decline`}
        label="Decline below"
        value={config.decline_threshold}
        min={0}
        max={100}
        placeholder="App default"
        disabled={disabled}
        error={errorFor("config.decline_threshold")}
        onChange={(v) => onChange(patchConfig(config, "decline_threshold", v))}
      />
    </div>
  );
}

export function thresholdSummary(config: Record<string, unknown>): string {
  const r = config.review_threshold;
  const d = config.decline_threshold;
  if (r === undefined && d === undefined) return "app thresholds";
  return `review < ${r ?? "app"} · decline < ${d ?? "app"}`;
}
