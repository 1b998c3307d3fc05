"use client";

import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type FitViewOptions,
  type IsValidConnection,
  type NodeChange,
} from "@xyflow/react";
import { useMemo, useRef, type DragEvent } from "react";
import { NodeCard } from "@/components/workflow-builder/node-card";
import { getNodeDefinition, nodeDefinitions } from "@/components/workflow-builder/node-registry";
import { nodeTones, outputTones } from "@/components/workflow-builder/node-tones";
import type { BuilderEdge, BuilderNode, BuilderSnapshot } from "@/components/workflow-builder/types";
import type { GraphIssue, NodeType } from "@/lib/workflows/types";

export const PALETTE_MIME = "application/x-faceid-workflow-node";

// The minimap (bottom right) and the zoom controls (bottom left) float over the canvas: fitting the
// view keeps a band at the bottom as tall as the minimap (plus its 15px margin) free of nodes.
export const MINIMAP = { width: 150, height: 100 };
const FIT_VIEW: FitViewOptions = { padding: { top: "48px", left: "56px", right: "48px", bottom: `${MINIMAP.height + 40}px` }, maxZoom: 1 };

const nodeTypes = Object.fromEntries(Object.keys(nodeDefinitions).map((t) => [t, NodeCard]));
const handleTone: Record<string, keyof typeof outputTones> = { true: "green", approved: "green", false: "red", declined: "red", review: "amber" };

type Props = {
  snapshot: BuilderSnapshot;
  issues: GraphIssue[];
  readOnly: boolean;
  onNodesChange: (changes: NodeChange<BuilderNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<BuilderEdge>[]) => void;
  onConnect: (connection: Connection) => void;
  onDropNode: (type: NodeType, position: { x: number; y: number }) => void;
  onDragStart: () => void;
  onDragStop: () => void;
};

export function BuilderCanvas({ snapshot, issues, readOnly, onNodesChange, onEdgesChange, onConnect, onDropNode, onDragStart, onDragStop }: Props) {
  const { screenToFlowPosition } = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);
  const badEdges = useMemo(() => new Set(issues.map((i) => i.edgeId).filter(Boolean)), [issues]);

  // Display-only decoration: labels and colours per output; invalid edges in red.
  const edges = useMemo(
    () =>
      snapshot.edges.map((e) => {
        const source = snapshot.nodes.find((n) => n.id === e.source);
        const output = source ? getNodeDefinition(source.type ?? "")?.outputs(source.data).find((o) => o.id === e.sourceHandle) : undefined;
        const tone = outputTones[output?.tone ?? handleTone[e.sourceHandle ?? ""] ?? "slate"];
        const stroke = badEdges.has(e.id) ? "#dc2626" : e.selected ? "#1f57cc" : tone.stroke;
        const label = e.sourceHandle && e.sourceHandle !== "next" ? (output?.label ?? e.sourceHandle) : undefined;
        return {
          ...e,
          label,
          labelStyle: { fill: stroke },
          labelBgPadding: [6, 3] as [number, number],
          labelBgBorderRadius: 4,
          style: { stroke, strokeWidth: e.selected ? 2.5 : 1.75 },
          markerEnd: { type: MarkerType.ArrowClosed, color: stroke, width: 18, height: 18 },
        };
      }),
    [snapshot, badEdges],
  );

  const isValidConnection: IsValidConnection = (c) => {
    if (c.source === c.target) return false;
    return snapshot.nodes.find((n) => n.id === c.target)?.type !== "start";
  };

  const onDragOver = (event: DragEvent) => {
    if (readOnly || !event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
  };
  const onDrop = (event: DragEvent) => {
    const type = event.dataTransfer.getData(PALETTE_MIME);
    if (readOnly || !getNodeDefinition(type)) return;
    event.preventDefault();
    // centre the card (w-60, ~100px tall) under the pointer
    const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
    onDropNode(type as NodeType, { x: at.x - 120, y: at.y - 40 });
  };

  return (
    <div ref={wrapper} className="relative h-full w-full" onDragOver={onDragOver} onDrop={onDrop} data-testid="workflow-canvas">
      <ReactFlow<BuilderNode, BuilderEdge>
        nodes={snapshot.nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeDragStart={onDragStart}
        onNodeDragStop={onDragStop}
        isValidConnection={isValidConnection}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={false}
        deleteKeyCode={null}
        defaultEdgeOptions={{ type: "smoothstep" }}
        fitView
        fitViewOptions={FIT_VIEW}
        minZoom={0.25}
        maxZoom={1.75}
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={18} size={1.2} color="#cbd5e1" />
        <MiniMap pannable zoomable style={{ width: MINIMAP.width, height: MINIMAP.height }} nodeBorderRadius={8} nodeColor={(n) => nodeTones[getNodeDefinition(n.type ?? "")?.tone ?? "slate"].hex} maskColor="rgb(241 245 249 / 0.7)" />
        <Controls showInteractive={false} fitViewOptions={FIT_VIEW} />
      </ReactFlow>
    </div>
  );
}
