import { hashToken } from "@/lib/crypto/tokens";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

// The capture token is the only credential of the hosted page: looked up by its hash, never logged.
export async function findCaptureSessionOrThrow(token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new AppError("not_found", "This verification link is not valid.");
  const session = await getDb().verificationSession.findUnique({
    where: { captureTokenHash: hashToken(token) },
    include: { application: true, workflowVersion: true },
  });
  if (!session) throw new AppError("not_found", "This verification link is not valid.");
  return session;
}

export type CaptureSessionRow = Awaited<ReturnType<typeof findCaptureSessionOrThrow>>;

/** The session is taking captures: started, not finished, not closed for taking too long. */
export function assertCaptureOpen(session: Pick<CaptureSessionRow, "status" | "abandonAt">): void {
  if (session.status !== "In Progress") throw new AppError("conflict", session.status === "Not Started" ? "Start the capture first." : `This verification is already finished (${session.status}).`);
  if (session.abandonAt && session.abandonAt < new Date()) throw new AppError("gone", "This verification took too long and was closed.");
}
