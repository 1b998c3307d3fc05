import { resolveCheckThresholds, type Thresholds } from "@/lib/console/resolve-check-thresholds";
import type { Warning } from "@/lib/verification/warnings";

export const featureNames: Record<string, string> = { LIVENESS: "Liveness", FACE_MATCH: "Face match", IP_ANALYSIS: "IP analysis", DEVICE_CHECK: "Device check", FACE_LIST_CHECK: "Face lists" };

type CheckRow = { feature: string; attempt: number; status: string; method: string | null; score: number | null; warnings: unknown; data: unknown };
type AppThresholds = Parameters<typeof resolveCheckThresholds>[0]["app"];

// One check as the timeline and the PDF state it: the score against the thresholds it was judged by
// (and where they came from), the method, and each warning.
export function describeCheck(input: { check: CheckRow; graph: unknown; app: AppThresholds }) {
  const c = input.check;
  const { thresholds, source } = resolveCheckThresholds({ graph: input.graph, app: input.app, feature: c.feature, data: c.data });
  const warnings = (Array.isArray(c.warnings) ? c.warnings : []) as Warning[];
  const lines: string[] = [];
  if (c.score !== null) lines.push(`Score ${Math.round(c.score * 10) / 10}${thresholds ? ` (review below ${thresholds.review}, decline below ${thresholds.decline}; ${source} thresholds)` : ""}`);
  if (c.method) lines.push(`Method ${c.method}`);
  const retry = (c.data as { retryReason?: string | null } | null)?.retryReason;
  if (retry) lines.push(`The user was asked to retry: ${retry.replaceAll("_", " ")}`);
  for (const w of warnings) lines.push(`Warning ${w.risk}: ${w.long_description || w.short_description}`);
  return { title: `${featureNames[c.feature] ?? c.feature}: ${c.status}`, lines, thresholds: thresholds as Thresholds | null, thresholdSource: source, warnings };
}
