"use client";

import { checkOutputs } from "@/components/workflow-builder/check-outputs";
import { CheckboxInput, ListInput, patchConfig } from "@/components/workflow-builder/config-fields";
import { BuilderIcon } from "@/components/workflow-builder/icons";
import type { ConfigFormProps, NodeDefinition } from "@/components/workflow-builder/types";

function IpAnalysisForm({ nodeId, config, onChange, errorFor, disabled }: ConfigFormProps) {
  return (
    <div className="space-y-3">
      <CheckboxInput
        id={`${nodeId}-anonymizers`}
        label="Block VPNs, proxies and Tor"
        checked={config.block_anonymizers === true}
        disabled={disabled}
        error={errorFor("config.block_anonymizers")}
        onChange={(v) => onChange(patchConfig(config, "block_anonymizers", v))}
      />
      <ListInput
        id={`${nodeId}-countries`}
        label="Blocked countries"
        value={config.blocked_countries}
        placeholder="e.g. KP, IR"
        hint="ISO codes, comma separated"
        disabled={disabled}
        error={errorFor("config.blocked_countries")}
        onChange={(v) => onChange(patchConfig(config, "blocked_countries", v))}
      />
    </div>
  );
}

export const ipAnalysisNode: NodeDefinition = {
  type: "IP_ANALYSIS",
  title: "IP analysis",
  description: "Country, VPN and proxy signals",
  group: "Checks",
  tone: "cyan",
  icon: <BuilderIcon name="globe" />,
  defaultConfig: () => ({ block_anonymizers: false, blocked_countries: [] }),
  summary: (c) => {
    const blocked = Array.isArray(c.blocked_countries) ? c.blocked_countries.length : 0;
    return `${c.block_anonymizers ? "Blocks anonymizers" : "Anonymizers allowed"} · ${blocked} blocked countr${blocked === 1 ? "y" : "ies"}`;
  },
  outputs: checkOutputs,
  ConfigForm: IpAnalysisForm,
};
