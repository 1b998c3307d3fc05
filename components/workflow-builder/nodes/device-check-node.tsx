"use client";

import { checkOutputs } from "@/components/workflow-builder/check-outputs";
import { CheckboxInput, patchConfig } from "@/components/workflow-builder/config-fields";
import { BuilderIcon } from "@/components/workflow-builder/icons";
import type { ConfigFormProps, NodeDefinition } from "@/components/workflow-builder/types";

function DeviceCheckForm({ nodeId, config, onChange, errorFor, disabled }: ConfigFormProps) {
  return (
    <CheckboxInput
      id={`${nodeId}-new-device`}
      label="Send new devices to review"
      hint="A device this user has never verified from"
      checked={config.review_new_device === true}
      disabled={disabled}
      error={errorFor("config.review_new_device")}
      onChange={(v) => onChange(patchConfig(config, "review_new_device", v))}
    />
  );
}

export const deviceCheckNode: NodeDefinition = {
  type: "DEVICE_CHECK",
  title: "Device check",
  description: "Fingerprint the device and compare",
  group: "Checks",
  tone: "teal",
  icon: <BuilderIcon name="device" />,
  defaultConfig: () => ({ review_new_device: false }),
  summary: (c) => (c.review_new_device ? "New devices go to review" : "Records the device"),
  outputs: checkOutputs,
  ConfigForm: DeviceCheckForm,
};
