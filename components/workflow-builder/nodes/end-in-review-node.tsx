import { BuilderIcon } from "@/components/workflow-builder/icons";
import type { NodeDefinition } from "@/components/workflow-builder/types";

export const endInReviewNode: NodeDefinition = {
  type: "END_IN_REVIEW",
  title: "In Review",
  description: "End: a reviewer decides",
  group: "Outcomes",
  tone: "orange",
  icon: <BuilderIcon name="review" />,
  defaultConfig: () => ({}),
  summary: () => "Lands in the review queue",
  outputs: () => [],
};
