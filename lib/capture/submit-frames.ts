import type { MultipartForm } from "@/lib/api/read-multipart-form";
import { analyzeUpload, type AnalyzedUpload } from "@/lib/checks/analyze-upload";
import { fileBytes, getJsonField, getTextField, isNumberArray } from "@/lib/checks/form-fields";
import { toCaptureSession, toCaptureSettings } from "@/lib/capture/capture-settings";
import { assertCaptureOpen, findCaptureSessionOrThrow } from "@/lib/capture/find-capture-session";
import { finishCapture } from "@/lib/capture/finish-capture";
import { refuseCapture } from "@/lib/capture/refuse-capture";
import type { RetryReason } from "@/lib/capture/retry-reasons";
import { runCaptureChecks } from "@/lib/capture/run-capture-checks";
import { readTurnTrace } from "@/lib/capture/read-turn-trace";
import { readChallenge, type StoredChallenge } from "@/lib/capture/session-context";
import { BURST_FRAMES, verifyCaptureBurst, type BurstVerdict } from "@/lib/capture/verify-capture-burst";
import type { TurnTrace } from "@/lib/capture/verify-turn-timing";
import { getDb, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { estimatePose } from "@/lib/vision/quality";

const MAX_FRAME_BYTES = 3 * 1024 * 1024;
const CHALLENGE_TTL_MS = 10 * 60_000;

function expectedFrames(challenge: StoredChallenge): number {
  if (challenge.method === "FLASHING") return challenge.colors.length;
  if (challenge.method === "ACTIVE_3D") return challenge.turns.length + 1;
  return BURST_FRAMES;
}

// frame_times: a JSON array of numbers, one per frame (ms after the page received the burst nonce)
function readFrameTimes(form: MultipartForm, count: number): number[] | null {
  const times = getJsonField(form, "frame_times", 400);
  return isNumberArray(times, count) ? times : null;
}

// The burst's own evidence (burst_nonce, frame_times, the frames' pixels and landmarks) judged before
// any model looks at it. Faces only, not embedded, for the frames after the first.
function judgeBurst(input: { form: MultipartForm; challenge: StoredChallenge; frames: AnalyzedUpload[]; times: number[]; receivedAt: number }): BurstVerdict {
  const { challenge } = input;
  return verifyCaptureBurst({
    frames: input.frames.map((f) => ({ image: f.image, landmarks: f.analysis.faces[0]?.landmarks ?? null })),
    times: input.times,
    expectedNonce: challenge.burst?.nonce ?? null,
    givenNonce: getTextField(input.form, "burst_nonce", 100),
    issuedAtMs: challenge.burst ? Date.parse(challenge.burst.issuedAt) : null,
    receivedAtMs: input.receivedAt,
  });
}

// POST /api/capture/{token}/frames: the answer to the current challenge. The challenge is consumed by a
// conditional update first, so a replayed or concurrent submission of the same answer is refused.
// `receivedAt`: when the request arrived, before its body was read (the burst's timing is judged on it).
export async function submitFrames(input: { token: string; form: MultipartForm; receivedAt: number }): Promise<{ outcome: "decided" | "retry"; reason: RetryReason | null }> {
  const db = getDb();
  const session = await findCaptureSessionOrThrow(input.token);
  assertCaptureOpen(session);
  const challenge = readChallenge(session.challenge);
  if (!challenge || getTextField(input.form, "challenge_id", 100) !== challenge.id) throw new AppError("conflict", "This capture answers an old challenge; reload the page.", { field: "challenge_id" });
  if (Date.now() - Date.parse(challenge.issuedAt) > CHALLENGE_TTL_MS) throw new AppError("conflict", "The challenge expired; reload the page.", { field: "challenge_id" });

  const files = input.form.getAll("frames");
  if (files.length !== expectedFrames(challenge)) throw await refuseCapture(db, { session, reason: "frame_count", detail: `This challenge needs ${expectedFrames(challenge)} frame(s); got ${files.length}.`, field: "frames" });
  const passive = challenge.method === "PASSIVE";
  const times = passive ? readFrameTimes(input.form, files.length) : [];
  if (!times) throw await refuseCapture(db, { session, reason: "upload_rejected", detail: `frame_times must be a JSON array of ${files.length} numbers.`, field: "frame_times" });
  const rawTrace = challenge.method === "ACTIVE_3D" ? readTurnTrace(input.form, challenge.turns.length) : null;
  if (rawTrace && "error" in rawTrace) throw await refuseCapture(db, { session, reason: "upload_rejected", detail: rawTrace.error, field: "trace_times" });
  const uploads = files.map((file) => fileBytes(file, "frames"));
  if ([...uploads, ...(rawTrace?.uploads ?? [])].some((bytes) => bytes.byteLength > MAX_FRAME_BYTES)) throw new AppError("payload_too_large", "A frame is larger than 3 MB.", { field: "frames" });
  // all frames at once, so the inference workers share them; a burst's later frames and a head-turn
  // trace are only looked at for their faces' landmarks and pose: no embedding needed
  const [frames, traced] = await Promise.all([
    Promise.all(uploads.map((bytes, i) => analyzeUpload({ field: `frames[${i}]`, bytes, rotate: false, embed: i === 0 || !passive }))),
    Promise.all((rawTrace?.uploads ?? []).map((bytes, i) => analyzeUpload({ field: `trace[${i}]`, bytes, rotate: false, embed: false }))),
  ]);
  const burst = passive ? judgeBurst({ form: input.form, challenge, frames, times, receivedAt: input.receivedAt }) : null;
  const trace: TurnTrace | null = rawTrace
    ? { turnTimes: rawTrace.turnTimes, samples: rawTrace.times.map((s, i) => ({ ...s, pose: traced[i].analysis.faces[0] ? estimatePose(traced[i].analysis.faces[0].mesh) : null })) }
    : null;

  const claimed = await db.verificationSession.updateMany({ where: { id: session.id, status: "In Progress", updatedAt: session.updatedAt }, data: { challenge: Prisma.DbNull } });
  if (claimed.count !== 1) throw new AppError("conflict", "This challenge was already answered.", { field: "challenge_id" });

  const progress = await runCaptureChecks(db, { session: toCaptureSession(session), settings: toCaptureSettings(session), submission: { challenge, frames, burst, trace } });
  if (progress.kind === "challenge") {
    await db.verificationSession.update({ where: { id: session.id }, data: { challenge: progress.challenge, splitBranches: progress.splitBranches } });
    return { outcome: "retry", reason: progress.retryReason };
  }
  await finishCapture(db, { session, status: progress.status, pathTaken: progress.pathTaken, selfie: progress.selfie, reason: "capture checked", lastChallenge: challenge, decidedBy: progress.decidedBy, splitBranches: progress.splitBranches });
  return { outcome: "decided", reason: null };
}
