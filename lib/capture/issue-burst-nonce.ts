import { randomBytes } from "node:crypto";
import { findCaptureSessionOrThrow } from "@/lib/capture/find-capture-session";
import { readChallenge } from "@/lib/capture/session-context";
import type { BurstTicket } from "@/lib/capture/types";
import { BURST_FRAMES, BURST_INTERVAL_MS } from "@/lib/capture/verify-capture-burst";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

// POST /api/capture/{token}/burst: the page is about to take a PASSIVE burst. A fresh random nonce,
// bound to this session's current challenge, replaces any earlier one and is consumed with the
// challenge; its issue time anchors the burst's timing on the server's clock.
export async function issueBurstNonce(input: { token: string; challengeId: string }): Promise<BurstTicket> {
  const session = await findCaptureSessionOrThrow(input.token);
  if (session.status !== "In Progress") throw new AppError("conflict", session.status === "Not Started" ? "Start the capture first." : `This verification is already finished (${session.status}).`);
  const challenge = readChallenge(session.challenge);
  if (!challenge || challenge.id !== input.challengeId) throw new AppError("conflict", "This capture answers an old challenge; reload the page.", { field: "challenge_id" });
  if (challenge.method !== "PASSIVE") throw new AppError("conflict", "This challenge is not a passive capture.", { field: "challenge_id" });
  const nonce = randomBytes(18).toString("base64url");
  const burst = { nonce, issuedAt: new Date().toISOString() };
  const updated = await getDb().verificationSession.updateMany({ where: { id: session.id, status: "In Progress", updatedAt: session.updatedAt }, data: { challenge: { ...challenge, burst } } });
  if (updated.count !== 1) throw new AppError("conflict", "The capture changed meanwhile; try again.", { field: "challenge_id" });
  return { nonce, frames: BURST_FRAMES, intervalMs: BURST_INTERVAL_MS };
}
