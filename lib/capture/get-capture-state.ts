import { mayFlash } from "@/lib/capture/avoid-flashing";
import type { CaptureSessionRow } from "@/lib/capture/find-capture-session";
import { negotiateLanguage } from "@/lib/capture/negotiate-language";
import { isRetryReason } from "@/lib/capture/retry-reasons";
import { readChallenge, readStepUp } from "@/lib/capture/session-context";
import type { CaptureChallenge, CaptureState, CaptureStep } from "@/lib/capture/types";
import { getDb } from "@/lib/db";
import { BURST_FRAMES, BURST_INTERVAL_MS } from "@/lib/capture/verify-capture-burst";
import { describeResubmission } from "@/lib/capture/describe-resubmission";
import { issueDeviceNonce } from "@/lib/capture/issue-device-nonce";
import { captureUrlFor } from "@/lib/sessions/build-session-decision";

const OPEN = new Set(["Not Started", "In Progress", "Resubmitted"]);

// The challenge as the page sees it: without the server's bookkeeping (node, attempt, issue time).
function publicChallenge(stored: NonNullable<ReturnType<typeof readChallenge>>): CaptureChallenge {
  if (stored.method === "FLASHING") return { id: stored.id, method: stored.method, colors: stored.colors, stepMs: stored.stepMs };
  // a challenge stored before prompts were held back has no holds: a second each
  if (stored.method === "ACTIVE_3D") return { id: stored.id, method: stored.method, turns: stored.turns, holdsMs: stored.holdsMs ?? stored.turns.map(() => 1000) };
  return { id: stored.id, method: "PASSIVE", frames: BURST_FRAMES, intervalMs: BURST_INTERVAL_MS };
}

// The hosted page's view of its session, as GET /api/capture/{token} answers it and as the page is first
// rendered with: a session not started yet gets its device nonce the first time the page loads it.
export async function getPageCaptureState(session: CaptureSessionRow, token: string, acceptLanguage: string | null): Promise<CaptureState> {
  return getCaptureState(await issueDeviceNonce(session, token), token, acceptLanguage);
}

// Only what the page needs: the challenge without its bookkeeping (nor its burst nonce), no scores, no
// risk codes, no other sessions' data. `acceptLanguage`: the request's header, for the page's language.
export async function getCaptureState(session: CaptureSessionRow, token: string, acceptLanguage: string | null = null): Promise<CaptureState> {
  const language = negotiateLanguage({ sessionLanguage: session.language, acceptLanguage, applicationDefault: session.application.defaultLanguage });
  const stored = readChallenge(session.challenge);
  const stepUp = readStepUp(session.stepUp);
  let step: CaptureStep;
  if (!OPEN.has(session.status)) step = stepUp?.action === "skip" && session.status === "Approved" ? { type: "skipped", reason: stepUp.reason } : { type: "done" };
  else if (session.status === "In Progress" && stored) {
    step = { type: "capture", challenge: publicChallenge(stored), attempt: stored.attempt, maxAttempts: stored.maxAttempts };
  } else step = { type: "start" };
  const last = await getDb().checkResult.findFirst({ where: { sessionId: session.id, feature: "LIVENESS" }, orderBy: { createdAt: "desc" } });
  const recorded = (last?.data as { retryReason?: unknown } | null)?.retryReason;
  const reason = isRetryReason(recorded) ? recorded : null;
  const branding = (session.application.branding ?? {}) as { name?: string; color?: string; logoUrl?: string };
  return {
    sessionId: session.id,
    sessionNumber: session.sessionNumber,
    status: session.status,
    workflowType: session.workflowType,
    language,
    branding: { name: branding.name ?? session.application.name, color: branding.color ?? "#1f57cc", logoUrl: branding.logoUrl ?? null },
    captureUrl: captureUrlFor(token),
    callback: session.callback,
    step,
    lastAttempt: last ? { ok: last.status !== "Declined", reason } : null,
    deviceNonce: session.status === "Not Started" ? session.deviceNonce : null,
    flashingLight: OPEN.has(session.status) && mayFlash(session),
    expiresAt: session.expiresAt.toISOString(),
    resubmission: session.resubmissions > 0 && OPEN.has(session.status) ? await describeResubmission(session, language) : null,
  };
}
