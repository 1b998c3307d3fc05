import { BuilderIcon } from "@/components/workflow-builder/icons";
import type { NodeDefinition } from "@/components/workflow-builder/types";

export const startNode: NodeDefinition = {
  type: "start",
  title: "Start",
  description: "Where every session begins",
  group: "Flow",
  tone: "slate",
  icon: <BuilderIcon name="play" />,
  defaultConfig: () => ({}),
  summary: () => "Session created",
  outputs: () => [{ id: "next", label: "next", tone: "slate" }],
};
