"use client";

import { checkOutputs } from "@/components/workflow-builder/check-outputs";
import { CheckboxInput, patchConfig } from "@/components/workflow-builder/config-fields";
import { BuilderIcon } from "@/components/workflow-builder/icons";
import type { ConfigFormProps, NodeDefinition } from "@/components/workflow-builder/types";

function FaceListCheckForm({ nodeId, config, onChange, errorFor, disabled }: ConfigFormProps) {
  return (
    <div className="space-y-3">
      <CheckboxInput
        id={`${nodeId}-blocklist`}
        label="Search the face blocklist"
        checked={config.check_blocklist !== false}
        disabled={disabled}
        error={errorFor("config.check_blocklist")}
        onChange={(v) => onChange(patchConfig(config, "check_blocklist", v))}
      />
      <CheckboxInput
        id={`${nodeId}-duplicates`}
        label="Look for duplicate accounts"
        hint="The same face under another vendor_data"
        checked={config.check_duplicates === true}
        disabled={disabled}
        onChange={(v) => onChange(patchConfig(config, "check_duplicates", v))}
      />
    </div>
  );
}

export const faceListCheckNode: NodeDefinition = {
  type: "FACE_LIST_CHECK",
  title: "Face list check",
  description: "1:N search: blocklist and duplicates",
  group: "Checks",
  tone: "indigo",
  icon: <BuilderIcon name="list" />,
  defaultConfig: () => ({ check_blocklist: true, check_duplicates: false }),
  summary: (c) => [c.check_blocklist !== false ? "Blocklist" : null, c.check_duplicates ? "Duplicates" : null].filter(Boolean).join(" + ") || "Nothing selected",
  outputs: checkOutputs,
  ConfigForm: FaceListCheckForm,
};
