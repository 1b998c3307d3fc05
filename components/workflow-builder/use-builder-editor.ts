"use client";

import { applyEdgeChanges, applyNodeChanges, useReactFlow, type Connection, type EdgeChange, type NodeChange } from "@xyflow/react";
import { useCallback, useLayoutEffect, useRef } from "react";
import { createBuilderEdge, createBuilderNode, graphToSnapshot, newId, snapshotToGraph } from "@/components/workflow-builder/graph-conversion";
import type { BuilderEdge, BuilderNode, BuilderNodeData, BuilderSnapshot } from "@/components/workflow-builder/types";
import { useBuilderHistory, type RecordMode } from "@/components/workflow-builder/use-builder-history";
import { layoutWorkflowGraph } from "@/lib/workflows/layout-workflow-graph";
import type { NodeType, WorkflowGraph } from "@/lib/workflows/types";

const deselect = <T extends { selected?: boolean }>(items: T[]) => items.map((i) => (i.selected ? { ...i, selected: false } : i));

// Every edit of the canvas goes through here so that each user action is exactly one undo step.
export function useBuilderEditor(initial: WorkflowGraph) {
  const history = useBuilderHistory(graphToSnapshot(initial));
  const { update, present } = history;
  const flow = useReactFlow<BuilderNode, BuilderEdge>();
  const presentRef = useRef(present);
  useLayoutEffect(() => {
    presentRef.current = present;
  }, [present]);
  const dragStart = useRef<BuilderSnapshot | null>(null);
  const clipboard = useRef<BuilderSnapshot | null>(null);

  const onNodesChange = useCallback(
    (changes: NodeChange<BuilderNode>[]) => update((s) => ({ ...s, nodes: applyNodeChanges(changes, s.nodes) }), changes.some((c) => c.type === "remove")),
    [update],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange<BuilderEdge>[]) => update((s) => ({ ...s, edges: applyEdgeChanges(changes, s.edges) }), changes.some((c) => c.type === "remove")),
    [update],
  );
  const onDragStart = useCallback(() => {
    dragStart.current = presentRef.current;
  }, []);
  const onDragStop = useCallback(() => {
    const before = dragStart.current;
    dragStart.current = null;
    if (!before) return;
    const moved = presentRef.current.nodes.some((n) => {
      const old = before.nodes.find((b) => b.id === n.id);
      return old && (old.position.x !== n.position.x || old.position.y !== n.position.y);
    });
    if (moved) history.commitFrom(before);
  }, [history]);

  // One output feeds one node: connecting a used output replaces its edge.
  const onConnect = useCallback(
    (c: Connection) =>
      update((s) => ({
        ...s,
        edges: [...s.edges.filter((e) => !(e.source === c.source && (e.sourceHandle ?? "next") === (c.sourceHandle ?? "next"))), createBuilderEdge(c.source, c.target, c.sourceHandle)],
      })),
    [update],
  );

  const addNode = useCallback(
    (type: NodeType, position?: { x: number; y: number }) => {
      let at = position;
      if (!at) {
        // keyboard / click: in the middle of what is on screen, nudged so repeated adds do not stack
        const box = document.querySelector("[data-testid=workflow-canvas]")?.getBoundingClientRect();
        const centre = box ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 }) : { x: 0, y: 0 };
        const n = presentRef.current.nodes.length % 6;
        at = { x: centre.x - 120 + n * 24, y: centre.y - 40 + n * 24 };
      }
      const node = { ...createBuilderNode(type, at), selected: true };
      update((s) => ({ nodes: [...deselect(s.nodes), node], edges: deselect(s.edges) }));
      return node.id;
    },
    [flow, update],
  );

  const updateNodeData = useCallback(
    (id: string, patch: Partial<BuilderNodeData>, record: RecordMode = true) =>
      update((s) => ({ ...s, nodes: s.nodes.map((n) => (n.id === id ? { ...n, data: { ...n.data, ...patch } } : n)) }), record),
    [update],
  );

  // Switching a check between "next" and by-result outputs drops the edges of the outputs it no longer has.
  const setRouting = useCallback(
    (id: string, routing: "next" | "status") =>
      update((s) => ({
        nodes: s.nodes.map((n) => (n.id === id ? { ...n, data: { ...n.data, routing } } : n)),
        edges: s.edges.filter((e) => e.source !== id || (routing === "next" ? e.sourceHandle === "next" : e.sourceHandle !== "next")),
      })),
    [update],
  );

  const deleteSelected = useCallback(
    () =>
      update((s) => {
        const gone = new Set(s.nodes.filter((n) => n.selected && n.type !== "start").map((n) => n.id));
        const edges = s.edges.filter((e) => !e.selected && !gone.has(e.source) && !gone.has(e.target));
        if (!gone.size && edges.length === s.edges.length) return s;
        return { nodes: s.nodes.filter((n) => !gone.has(n.id)), edges };
      }),
    [update],
  );

  const copySelected = useCallback(() => {
    const nodes = presentRef.current.nodes.filter((n) => n.selected && n.type !== "start");
    if (!nodes.length) return false;
    const ids = new Set(nodes.map((n) => n.id));
    clipboard.current = { nodes, edges: presentRef.current.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
    return true;
  }, []);

  const paste = useCallback(() => {
    const copied = clipboard.current;
    if (!copied) return;
    const ids = new Map(copied.nodes.map((n) => [n.id, newId(n.type ?? "node")]));
    const nodes = copied.nodes.map((n) => ({ ...n, id: ids.get(n.id)!, position: { x: n.position.x + 40, y: n.position.y + 40 }, selected: true, data: structuredClone(n.data) }));
    const edges = copied.edges.map((e) => ({ ...createBuilderEdge(ids.get(e.source)!, ids.get(e.target)!, e.sourceHandle), selected: false }));
    // pasting again offsets again
    clipboard.current = { nodes, edges: copied.edges.map((e) => ({ ...e, source: ids.get(e.source)!, target: ids.get(e.target)! })) };
    update((s) => ({ nodes: [...deselect(s.nodes), ...nodes], edges: [...s.edges, ...edges] }));
  }, [update]);

  const autoLayout = useCallback(() => {
    update((s) => {
      const laid = layoutWorkflowGraph(snapshotToGraph(s));
      const at = new Map(laid.nodes.map((n) => [n.id, n.position]));
      return { ...s, nodes: s.nodes.map((n) => ({ ...n, position: at.get(n.id) ?? n.position })) };
    });
    requestAnimationFrame(() => flow.fitView({ padding: 0.15, maxZoom: 1, duration: 250 }));
  }, [flow, update]);

  const replaceGraph = useCallback((graph: WorkflowGraph) => {
    update(() => graphToSnapshot(graph));
    requestAnimationFrame(() => flow.fitView({ padding: 0.15, maxZoom: 1 }));
  }, [flow, update]);

  const selectNode = useCallback(
    (id: string) => {
      update((s) => ({ nodes: s.nodes.map((n) => ({ ...n, selected: n.id === id })), edges: deselect(s.edges) }), false);
      const node = presentRef.current.nodes.find((n) => n.id === id);
      if (node) flow.setCenter(node.position.x + 120, node.position.y + 50, { zoom: Math.max(flow.getZoom(), 0.8), duration: 250 });
    },
    [flow, update],
  );

  return { ...history, onNodesChange, onEdgesChange, onConnect, onDragStart, onDragStop, addNode, updateNodeData, setRouting, deleteSelected, copySelected, paste, autoLayout, replaceGraph, selectNode };
}

export type BuilderEditor = ReturnType<typeof useBuilderEditor>;
