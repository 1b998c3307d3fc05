import type { AnalyzedUpload } from "@/lib/checks/analyze-upload";
import { describeListWarnings, findFaceMatches, listWarningsStatus } from "@/lib/checks/find-face-matches";
import { withoutFlashing } from "@/lib/capture/avoid-flashing";
import { createChallenge } from "@/lib/capture/create-challenge";
import { strongerMethod } from "@/lib/capture/decide-step-up";
import { evaluateLiveness } from "@/lib/capture/evaluate-liveness";
import type { RetryReason } from "@/lib/capture/retry-reasons";
import type { StoredChallenge, StoredStepUp } from "@/lib/capture/session-context";
import type { LivenessMethod } from "@/lib/capture/types";
import type { BurstVerdict } from "@/lib/capture/verify-capture-burst";
import type { TurnTrace } from "@/lib/capture/verify-turn-timing";
import type { Db } from "@/lib/db";
import { storeMedia } from "@/lib/media/blob-store";
import { getMetrics } from "@/lib/metrics/get-metrics";
import { compareWithTemplate } from "@/lib/templates/compare-with-template";
import { decideScoreStatus, type Thresholds } from "@/lib/verification/decide-score-status";
import { createWarning, type Warning } from "@/lib/verification/warnings";
import { compileWorkflowPlan } from "@/lib/workflows/compile-workflow-plan";
import { deriveDecidedBy, type DecidedBy, type DecisiveCheck } from "@/lib/workflows/derive-decided-by";
import { runWorkflowStep } from "@/lib/workflows/run-workflow-step";
import type { CheckResultInput, FinalStatus, SplitTaken, WorkflowGraph, WorkflowSignals } from "@/lib/workflows/types";

export type CaptureSession = { id: string; applicationId: string; vendorData: string | null; referenceTemplateId: string | null; graph: WorkflowGraph; stepUp: StoredStepUp | null; resubmissions?: number };
export type Settings = { faceMatch: Thresholds; liveness: Thresholds; retentionDays: number | null };
// `burst`: the PASSIVE burst's own verdict (verify-capture-burst.ts), null for the other methods
// `trace`: an ACTIVE_3D answer's head poses over time (null: none sent, or another method)
export type Submission = { challenge: StoredChallenge; frames: AnalyzedUpload[]; burst: BurstVerdict | null; trace?: TurnTrace | null };
export type CaptureProgress =
  | { kind: "challenge"; challenge: StoredChallenge; retryReason: RetryReason | null; splitBranches: string | null }
  | { kind: "outcome"; status: FinalStatus; pathTaken: string[]; selfie: AnalyzedUpload | null; splitBranches: string | null; decidedBy: DecidedBy };

type Config = { review_threshold?: number; decline_threshold?: number; face_liveness_method?: LivenessMethod; block_anonymizers?: boolean; review_new_device?: boolean; check_blocklist?: boolean; check_duplicates?: boolean };
type Recorded = { status: "Approved" | "In Review" | "Declined"; score?: number | null; warnings: Warning[]; method?: string; data?: Record<string, unknown>; mediaIds?: Record<string, string> };

function thresholdsOf(config: Config, fallback: Thresholds): Thresholds {
  return { review: config.review_threshold ?? fallback.review, decline: config.decline_threshold ?? fallback.decline };
}

// The A/B branches taken as ",splitNodeId:branchId," pairs, so a list filter is one LIKE.
const toSplitBranches = (branches: SplitTaken[]) => (branches.length ? `,${branches.map((b) => `${b.nodeId}:${b.branchId}`).join(",")},` : null);
const thresholdsIn = (data: unknown) => ((data as { thresholds?: Thresholds } | null)?.thresholds ?? null);

// The workflow node a stored check ran for.
const nodeIdOf = (r: { data: unknown }) => String((r.data as { nodeId?: string } | null)?.nodeId);

// After a resubmission request the workflow starts over: only the checks recorded since the latest
// "Resubmitted" count, while the stored attempt numbers continue after the earlier rounds' (per node).
async function currentRoundChecks(db: Db, session: CaptureSession) {
  const all = await db.checkResult.findMany({ where: { sessionId: session.id }, orderBy: { createdAt: "asc" } });
  const attemptsBefore = new Map<string, number>();
  if (!session.resubmissions) return { rows: all, attemptsBefore };
  const since = (await db.sessionEvent.findFirst({ where: { sessionId: session.id, toStatus: "Resubmitted" }, orderBy: { createdAt: "desc" }, select: { createdAt: true } }))?.createdAt;
  if (!since) return { rows: all, attemptsBefore };
  for (const r of all.filter((r) => r.createdAt <= since)) {
    const nodeId = nodeIdOf(r);
    attemptsBefore.set(nodeId, Math.max(attemptsBefore.get(nodeId) ?? 0, r.attempt));
  }
  return { rows: all.filter((r) => r.createdAt > since), attemptsBefore };
}

// Drives a session through its pinned workflow: runs the checks that need no camera at once, evaluates
// the frames submitted for the current challenge, and stops at the next challenge or at the outcome.
export async function runCaptureChecks(db: Db, input: { session: CaptureSession; settings: Settings; submission?: Submission }): Promise<CaptureProgress> {
  const { session, settings } = input;
  const plan = compileWorkflowPlan(input.session.graph);
  const signals: WorkflowSignals = session.stepUp?.signals ?? {};
  const { rows, attemptsBefore } = await currentRoundChecks(db, session);
  const results: CheckResultInput[] = rows.map((r) => ({ nodeId: nodeIdOf(r), feature: r.feature as CheckResultInput["feature"], status: r.status as CheckResultInput["status"], score: r.score, warnings: r.warnings as Warning[] }));
  const decisive: DecisiveCheck[] = rows.map((r) => ({ nodeId: nodeIdOf(r), status: r.status, score: r.score, thresholds: thresholdsIn(r.data), warnings: (r.warnings ?? []) as Warning[] }));
  let pending = input.submission;
  let selfie: AnalyzedUpload | null = null;
  let selfieMediaId: string | null = null;
  let retryReason: RetryReason | null = null;

  const record = async (nodeId: string, feature: CheckResultInput["feature"], attempt: number, r: Recorded) => {
    await db.checkResult.create({ data: { sessionId: session.id, feature, attempt: attempt + (attemptsBefore.get(nodeId) ?? 0), status: r.status, method: r.method ?? null, score: r.score ?? null, warnings: r.warnings, data: { nodeId, ...r.data }, mediaIds: r.mediaIds } });
    results.push({ nodeId, feature, status: r.status, score: r.score, warnings: r.warnings });
    decisive.push({ nodeId, status: r.status, score: r.score ?? null, thresholds: thresholdsIn(r.data), warnings: r.warnings });
    getMetrics().checks.inc({ origin: "session", type: feature.toLowerCase().replaceAll("_", "-"), status: r.status });
  };
  const keepSelfie = async (frame: AnalyzedUpload) => {
    selfie = frame;
    const expiresAt = settings.retentionDays ? new Date(Date.now() + settings.retentionDays * 86_400_000) : null;
    selfieMediaId = (await storeMedia(db, { applicationId: session.applicationId, sessionId: session.id, kind: "selfie", mimeType: `image/${frame.image.format}`, bytes: frame.bytes, expiresAt })).id;
  };

  for (let guard = 0; guard < 50; guard++) {
    const step = runWorkflowStep({ plan, sessionId: session.id, results, signals });
    if (step.type === "outcome") {
      return { kind: "outcome", status: step.status, pathTaken: step.pathTaken, selfie, splitBranches: toSplitBranches(step.branches), decidedBy: deriveDecidedBy({ plan, cause: step.cause, checks: decisive }) };
    }
    const config = step.config as Config;
    if (step.feature === "IP_ANALYSIS") {
      const blocked = Boolean(config.block_anonymizers && signals.anonymous_network);
      await record(step.nodeId, step.feature, step.attempt, { status: blocked ? "Declined" : "Approved", warnings: [], data: { anonymous_network: Boolean(signals.anonymous_network), known_ip: Boolean(signals.known_ip) } });
      continue;
    }
    if (step.feature === "DEVICE_CHECK") {
      const review = !signals.known_device && config.review_new_device;
      await record(step.nodeId, step.feature, step.attempt, { status: review ? "In Review" : "Approved", warnings: [], data: { known_device: Boolean(signals.known_device) } });
      continue;
    }
    if (pending && pending.challenge.nodeId === step.nodeId && step.feature === "LIVENESS") {
      const thresholds = thresholdsOf(config, settings.liveness);
      const evaluation = await evaluateLiveness({ challenge: pending.challenge, frames: pending.frames, burst: pending.burst, trace: pending.trace ?? null, thresholds });
      if (pending.frames[0].analysis.primary) await keepSelfie(pending.frames[0]);
      const mediaIds = selfieMediaId ? { reference_image: selfieMediaId } : undefined;
      await record(step.nodeId, "LIVENESS", step.attempt, { status: evaluation.status, score: evaluation.score, warnings: evaluation.warnings, method: pending.challenge.method, data: { ...evaluation.details, thresholds, retryReason: evaluation.retryReason, challengeId: pending.challenge.id }, mediaIds });
      retryReason = evaluation.retryReason;
      if (evaluation.status === "Declined") selfie = null;
      pending = undefined;
      continue;
    }
    if (!selfie && pending && pending.challenge.nodeId === step.nodeId) {
      if (pending.frames[0].analysis.primary) await keepSelfie(pending.frames[0]);
      else retryReason = "no_face";
      pending = undefined;
    }
    // assigned inside keepSelfie, which the compiler's narrowing does not see
    const upload = selfie as AnalyzedUpload | null;
    const face = upload?.analysis.primary;
    if (upload && face && step.feature === "FACE_MATCH") {
      const reference = session.referenceTemplateId ? await db.faceTemplate.findUnique({ where: { id: session.referenceTemplateId } }) : null;
      if (!reference) {
        await record(step.nodeId, "FACE_MATCH", step.attempt, { status: "Declined", score: 0, warnings: [createWarning("NO_REFERENCE_IMAGE")], mediaIds: selfieMediaId ? { source_image: selfieMediaId } : undefined });
        continue;
      }
      const t = thresholdsOf(config, settings.faceMatch);
      const score = Math.round((await compareWithTemplate({ image: upload.image, face: upload.analysis.faces[0], primary: face, template: reference })).score);
      const status = decideScoreStatus(score, t);
      const warnings = status === "Approved" ? [] : [createWarning("LOW_FACE_MATCH_SIMILARITY", `Score ${score}; review below ${t.review}, decline below ${t.decline}.`)];
      await record(step.nodeId, "FACE_MATCH", step.attempt, { status, score, warnings, data: { referenceTemplateId: reference.id, thresholds: t }, mediaIds: selfieMediaId ? { source_image: selfieMediaId } : undefined });
      continue;
    }
    if (face && step.feature === "FACE_LIST_CHECK") {
      const hits = await findFaceMatches({ applicationId: session.applicationId, embedding: face.embedding, modelId: face.modelId, minSimilarity: settings.faceMatch.review });
      const wanted = hits.filter((h) => (config.check_blocklist !== false || h.entry.listKind !== "blocklist") && (config.check_duplicates !== false || h.entry.kind === "list"));
      const warnings = await describeListWarnings(db, { applicationId: session.applicationId, hits: wanted, vendorData: session.vendorData });
      const status = listWarningsStatus(warnings);
      await record(step.nodeId, "FACE_LIST_CHECK", step.attempt, { status, warnings, data: { matches: hits.length } });
      continue;
    }
    // The check needs a (new) selfie: issue a fresh challenge for it.
    const workflowMethod = step.feature === "LIVENESS" ? (config.face_liveness_method ?? "PASSIVE") : "PASSIVE";
    const stepUpMethod = session.stepUp?.action === "capture" ? session.stepUp.method : "PASSIVE";
    const method = step.feature === "LIVENESS" ? withoutFlashing(strongerMethod(workflowMethod, stepUpMethod), session.stepUp?.avoid_flashing) : "PASSIVE";
    const maxAttempts = step.feature === "LIVENESS" ? Number((step.config as { max_attempts?: number }).max_attempts ?? 3) : 1;
    const challenge: StoredChallenge = { ...createChallenge(method), nodeId: step.nodeId, attempt: step.attempt, maxAttempts, issuedAt: new Date().toISOString() };
    return { kind: "challenge", challenge, retryReason, splitBranches: toSplitBranches(step.branches) };
  }
  throw new Error("workflow did not reach an outcome");
}
