import type { Edge, Node } from "@xyflow/react";
import type { ComponentType, ReactNode } from "react";
import type { NodeType } from "@/lib/workflows/types";

// A check node routes either through one "next" output or by its result (approved / review / declined).
// The graph does not store this; it is read from the edges when a graph is opened.
export type CheckRouting = "next" | "status";

export type BuilderNodeData = { config: Record<string, unknown>; label?: string; routing?: CheckRouting };
export type BuilderNode = Node<BuilderNodeData, NodeType>;
export type BuilderEdge = Edge;
export type BuilderSnapshot = { nodes: BuilderNode[]; edges: BuilderEdge[] };

export type NodeOutput = { id: string; label: string; tone?: "green" | "amber" | "red" | "slate" | "violet" };

export type ConfigFormProps = {
  nodeId: string;
  config: Record<string, unknown>;
  onChange: (config: Record<string, unknown>) => void;
  errorFor: (field: string) => string | undefined;
  disabled: boolean;
};

export type NodeTone = "slate" | "violet" | "blue" | "cyan" | "teal" | "indigo" | "amber" | "fuchsia" | "green" | "orange" | "red";

// Everything the builder knows about one node type; each lives in nodes/<type>-node.tsx.
export type NodeDefinition = {
  type: NodeType;
  title: string;
  description: string;
  group: "Checks" | "Logic" | "Outcomes" | "Flow";
  tone: NodeTone;
  icon: ReactNode;
  defaultConfig: () => Record<string, unknown>;
  summary: (config: Record<string, unknown>) => string;
  outputs: (data: BuilderNodeData) => NodeOutput[];
  ConfigForm?: ComponentType<ConfigFormProps>;
};
