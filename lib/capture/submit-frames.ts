import type { MultipartForm } from "@/lib/api/read-multipart-form";
import { analyzeUpload, type AnalyzedUpload } from "@/lib/checks/analyze-upload";
import { fileBytes, getTextField } from "@/lib/checks/form-fields";
import { toCaptureSession, toCaptureSettings } from "@/lib/capture/capture-settings";
import { findCaptureSessionOrThrow } from "@/lib/capture/find-capture-session";
import { finishCapture } from "@/lib/capture/finish-capture";
import { describeRetryReason } from "@/lib/capture/retry-reasons";
import { runCaptureChecks } from "@/lib/capture/run-capture-checks";
import { readChallenge } from "@/lib/capture/session-context";
import { getDb, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";

const MAX_FRAME_BYTES = 3 * 1024 * 1024;
const CHALLENGE_TTL_MS = 10 * 60_000;

function expectedFrames(challenge: NonNullable<ReturnType<typeof readChallenge>>): number {
  if (challenge.method === "FLASHING") return challenge.colors.length;
  if (challenge.method === "ACTIVE_3D") return challenge.turns.length + 1;
  return 1;
}

// POST /api/capture/{token}/frames: the answer to the current challenge. The challenge is consumed by a
// conditional update first, so a replayed or concurrent submission of the same answer is refused.
export async function submitFrames(input: { token: string; form: MultipartForm }): Promise<{ outcome: "decided" | "retry"; reason: string | null }> {
  const db = getDb();
  const session = await findCaptureSessionOrThrow(input.token);
  if (session.status !== "In Progress") throw new AppError("conflict", session.status === "Not Started" ? "Start the capture first." : `This verification is already finished (${session.status}).`);
  if (session.abandonAt && session.abandonAt < new Date()) throw new AppError("gone", "This verification took too long and was closed.");
  const challenge = readChallenge(session.challenge);
  if (!challenge || getTextField(input.form, "challenge_id", 100) !== challenge.id) throw new AppError("conflict", "This capture answers an old challenge; reload the page.", { field: "challenge_id" });
  if (Date.now() - Date.parse(challenge.issuedAt) > CHALLENGE_TTL_MS) throw new AppError("conflict", "The challenge expired; reload the page.", { field: "challenge_id" });

  const files = input.form.getAll("frames");
  if (files.length !== expectedFrames(challenge)) throw new AppError("validation_error", `This challenge needs ${expectedFrames(challenge)} frame(s); got ${files.length}.`, { field: "frames" });
  const frames: AnalyzedUpload[] = [];
  for (let i = 0; i < files.length; i++) {
    const bytes = fileBytes(files[i], "frames");
    if (bytes.byteLength > MAX_FRAME_BYTES) throw new AppError("payload_too_large", "A frame is larger than 3 MB.", { field: "frames" });
    frames.push(await analyzeUpload({ field: `frames[${i}]`, bytes, rotate: false }));
  }

  const claimed = await db.verificationSession.updateMany({ where: { id: session.id, status: "In Progress", updatedAt: session.updatedAt }, data: { challenge: Prisma.DbNull } });
  if (claimed.count !== 1) throw new AppError("conflict", "This challenge was already answered.", { field: "challenge_id" });

  const progress = await runCaptureChecks(db, { session: toCaptureSession(session), settings: toCaptureSettings(session), submission: { challenge, frames } });
  if (progress.kind === "challenge") {
    await db.verificationSession.update({ where: { id: session.id }, data: { challenge: progress.challenge } });
    return { outcome: "retry", reason: progress.retryReason ? describeRetryReason(progress.retryReason, session.language) : null };
  }
  await finishCapture(db, { session, status: progress.status, pathTaken: progress.pathTaken, selfie: progress.selfie, reason: "capture checked", lastChallenge: challenge });
  return { outcome: "decided", reason: null };
}
