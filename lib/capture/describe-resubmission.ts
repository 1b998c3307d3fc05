import type { CaptureSessionRow } from "@/lib/capture/find-capture-session";
import { getCatalogue } from "@/lib/capture/i18n";
import type { Language } from "@/lib/capture/languages";
import { getDb } from "@/lib/db";
import { readReasonCodes } from "@/lib/review/reason-codes";

// Why the user is asked for a new attempt, for the hosted page: the default reasons in the page's
// language, a team's own reasons by their label, and the reviewer's comment for the customer (never
// the internal comment).
export async function describeResubmission(session: Pick<CaptureSessionRow, "id" | "application">, language: Language) {
  const review = await getDb().review.findFirst({ where: { sessionId: session.id, action: "resubmit" }, orderBy: { createdAt: "desc" }, select: { reasonCode: true, customerComment: true } });
  if (!review) return { reason: null, comment: null };
  const code = review.reasonCode ?? "";
  const translated = (getCatalogue(language).resubmit.reasons as Record<string, string>)[code];
  const label = readReasonCodes(session.application.reasonCodes).find((c) => c.code === code)?.label ?? null;
  return { reason: translated === undefined ? label : translated || null, comment: review.customerComment };
}
