"use client";

import { checkOutputs } from "@/components/workflow-builder/check-outputs";
import { patchConfig, SelectInput } from "@/components/workflow-builder/config-fields";
import { BuilderIcon } from "@/components/workflow-builder/icons";
import { ThresholdFields, thresholdSummary } from "@/components/workflow-builder/threshold-fields";
import type { ConfigFormProps, NodeDefinition } from "@/components/workflow-builder/types";

const references = [
  { value: "provided_image", label: "Image sent with the session" },
  { value: "enrolled_face", label: "Face enrolled earlier" },
  { value: "document_portrait", label: "Document portrait" },
];

function FaceMatchForm(props: ConfigFormProps) {
  const { nodeId, config, onChange, errorFor, disabled } = props;
  return (
    <div className="space-y-3">
      <SelectInput
        id={`${nodeId}-reference`}
        label="Compare the selfie with"
        value={config.reference ?? "provided_image"}
        options={references}
        disabled={disabled}
        error={errorFor("config.reference")}
        onChange={(v) => onChange(patchConfig(config, "reference", v))}
      />
      <ThresholdFields {...props} />
    </div>
  );
}

export const faceMatchNode: NodeDefinition = {
  type: "FACE_MATCH",
  title: "Face match",
  description: "Compare the selfie with a reference face",
  group: "Checks",
  tone: "blue",
  icon: <BuilderIcon name="faceMatch" />,
  defaultConfig: () => ({ reference: "provided_image" }),
  summary: (c) => `${references.find((r) => r.value === c.reference)?.label ?? "Provided image"} · ${thresholdSummary(c)}`,
  outputs: checkOutputs,
  ConfigForm: FaceMatchForm,
};
