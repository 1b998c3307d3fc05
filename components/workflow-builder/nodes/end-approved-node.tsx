import { BuilderIcon } from "@/components/workflow-builder/icons";
import type { NodeDefinition } from "@/components/workflow-builder/types";

export const endApprovedNode: NodeDefinition = {
  type: "END_APPROVED",
  title: "Approved",
  description: "End: the session is approved",
  group: "Outcomes",
  tone: "green",
  icon: <BuilderIcon name="check" />,
  defaultConfig: () => ({}),
  summary: () => "Session ends as Approved",
  outputs: () => [],
};
