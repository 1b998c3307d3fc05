import type { workflowStarterIds } from "@/lib/workflows/console-schemas";
import { featuresToGraph } from "@/lib/workflows/features-to-graph";
import { workflowTemplates } from "@/lib/workflows/ensure-workflow-templates";
import { layoutWorkflowGraph } from "@/lib/workflows/layout-workflow-graph";
import type { WorkflowGraph } from "@/lib/workflows/types";

export type WorkflowStarterId = (typeof workflowStarterIds)[number];

// nodes as [id, type, config?], edges as [source, target, output]
function makeGraph(nodes: [string, string, Record<string, unknown>?][], edges: [string, string, string][]): WorkflowGraph {
  return {
    nodes: nodes.map(([id, type, config]) => ({ id, type, position: { x: 0, y: 0 }, config: config ?? {} })),
    edges: edges.map(([source, target, handle]) => ({ id: `e-${source}-${handle}-${target}`, source, target, sourceHandle: handle })),
  };
}

const fromTemplate = (label: string) => featuresToGraph(workflowTemplates.find((t) => t.label === label)?.features ?? []);

// What a new console workflow starts from: an empty canvas (just the start node), a branching example,
// or one of the built-in templates. Starters are drafts; nothing runs until the draft is published.
export const workflowStarters: Record<WorkflowStarterId, { label: string; graph: () => WorkflowGraph }> = {
  blank: { label: "Blank (start node only)", graph: () => makeGraph([["start", "start"]], []) },
  "liveness-review-branch": {
    label: "Liveness, then face match or review",
    graph: () =>
      layoutWorkflowGraph(
        makeGraph(
          [
            ["start", "start"],
            ["liveness", "LIVENESS", { face_liveness_method: "PASSIVE", max_attempts: 3 }],
            ["score", "CONDITION", { signal: "score_range", feature: "LIVENESS", min: 80 }],
            ["face-match", "FACE_MATCH", { reference: "provided_image" }],
            ["approved", "END_APPROVED"],
            ["review", "END_IN_REVIEW"],
          ],
          [["start", "liveness", "next"], ["liveness", "score", "next"], ["score", "face-match", "true"], ["score", "review", "false"], ["face-match", "approved", "next"]],
        ),
      ),
  },
  "selfie-reauth": { label: "Selfie re-auth (template)", graph: () => fromTemplate("Selfie re-auth") },
  "face-match": { label: "Face match 1:1 (template)", graph: () => fromTemplate("Face match 1:1") },
  "liveness-only": { label: "Liveness only (template)", graph: () => fromTemplate("Liveness only") },
};
