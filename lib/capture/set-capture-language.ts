import { findCaptureSessionOrThrow } from "@/lib/capture/find-capture-session";
import type { Language } from "@/lib/capture/languages";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

const OPEN = new Set(["Not Started", "In Progress", "Resubmitted"]);

// The person picked a language in the page's menu: it becomes the session's, so the phone it is handed
// to, a reload and the result screen all speak it. Only while the session is still open.
export async function setCaptureLanguage(input: { token: string; language: Language }) {
  const session = await findCaptureSessionOrThrow(input.token);
  if (!OPEN.has(session.status)) throw new AppError("conflict", `This verification is already finished (${session.status}).`);
  return getDb().verificationSession.update({ where: { id: session.id }, data: { language: input.language }, include: { application: true, workflowVersion: true } });
}
