import { BuilderIcon } from "@/components/workflow-builder/icons";
import type { NodeDefinition } from "@/components/workflow-builder/types";

export const endDeclinedNode: NodeDefinition = {
  type: "END_DECLINED",
  title: "Declined",
  description: "End: the session is declined",
  group: "Outcomes",
  tone: "red",
  icon: <BuilderIcon name="decline" />,
  defaultConfig: () => ({}),
  summary: () => "Session ends as Declined",
  outputs: () => [],
};
