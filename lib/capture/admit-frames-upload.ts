import { getAdmissionGates } from "@/lib/api/get-admission-gates";
import { beginWork } from "@/lib/bootstrap/track-work";
import { assertCaptureOpen, findCaptureSessionOrThrow } from "@/lib/capture/find-capture-session";
import { readChallenge } from "@/lib/capture/session-context";
import { AppError } from "@/lib/errors";

// Before a frames body is read: the token must be a session's, that session must be waiting for
// frames, and it may have only one submission in flight. A bad token or a finished session is answered
// from the headers alone, so nobody can make the server receive megabytes without a live session.
// (submitFrames checks the state again after the body, when it consumes the challenge.) A submission is
// work a shutdown finishes, from here to its release; a draining instance refuses it (503).
export async function admitFramesUpload(token: string): Promise<{ applicationId: string; release: () => void }> {
  const endWork = beginWork();
  try {
    return await admitFrames(token, endWork);
  } catch (error) {
    endWork();
    throw error;
  }
}

async function admitFrames(token: string, endWork: () => void): Promise<{ applicationId: string; release: () => void }> {
  const session = await findCaptureSessionOrThrow(token);
  assertCaptureOpen(session);
  if (!readChallenge(session.challenge)) throw new AppError("conflict", "No capture is expected now; reload the page.");
  const inFlight = getAdmissionGates().captureSessions;
  if (inFlight.has(session.id)) throw new AppError("rate_limited", "A capture for this verification is already being checked; wait for its answer.", { headers: { "Retry-After": "1" } });
  inFlight.add(session.id);
  let released = false;
  return {
    applicationId: session.applicationId,
    release: () => {
      if (released) return;
      released = true;
      inFlight.delete(session.id);
      endWork();
    },
  };
}
