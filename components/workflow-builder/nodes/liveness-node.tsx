"use client";

import { plural } from "@/components/console/plural";
import { checkOutputs } from "@/components/workflow-builder/check-outputs";
import { NumberInput, patchConfig, SelectInput } from "@/components/workflow-builder/config-fields";
import { BuilderIcon } from "@/components/workflow-builder/icons";
import { ThresholdFields, thresholdSummary } from "@/components/workflow-builder/threshold-fields";
import type { ConfigFormProps, NodeDefinition } from "@/components/workflow-builder/types";

const methods = [
  { value: "PASSIVE", label: "Passive (single selfie)" },
  { value: "FLASHING", label: "Flashing (screen colours)" },
  { value: "ACTIVE_3D", label: "Active 3D (head movement)" },
];

function LivenessForm(props: ConfigFormProps) {
  const { nodeId, config, onChange, errorFor, disabled } = props;
  return (
    <div className="space-y-3">
      <SelectInput
        id={`${nodeId}-method`}
        label="Method"
        value={config.face_liveness_method ?? "PASSIVE"}
        options={methods}
        disabled={disabled}
        error={errorFor("config.face_liveness_method")}
        onChange={(v) => onChange(patchConfig(config, "face_liveness_method", v))}
      />
      <NumberInput
        id={`${nodeId}-attempts`}
        label="Attempts"
        value={config.max_attempts}
        min={1}
        max={5}
        hint="1 to 5 tries before the result counts"
        disabled={disabled}
        error={errorFor("config.max_attempts")}
        onChange={(v) => onChange(patchConfig(config, "max_attempts", v))}
      />
      <ThresholdFields {...props} />
    </div>
  );
}

export const livenessNode: NodeDefinition = {
  type: "LIVENESS",
  title: "Liveness",
  description: "Is a real person in front of the camera?",
  group: "Checks",
  tone: "violet",
  icon: <BuilderIcon name="liveness" />,
  defaultConfig: () => ({ face_liveness_method: "PASSIVE", max_attempts: 3 }),
  summary: (c) => `${methods.find((m) => m.value === c.face_liveness_method)?.label.split(" (")[0] ?? "Passive"} · ${plural(Number(c.max_attempts ?? 3), "attempt")} · ${thresholdSummary(c)}`,
  outputs: checkOutputs,
  ConfigForm: LivenessForm,
};
