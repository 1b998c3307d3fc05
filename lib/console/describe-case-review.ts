import { readReasonCodes } from "@/lib/review/reason-codes";

// How a Review row reads on the case timeline and in the PDF: a title per action, and its structured
// fields (reason code, the comment for the customer, the internal one, four-eyes state) as lines.
const titles: Record<string, string> = {
  approve: "Approved",
  decline: "Declined",
  resubmit: "Resubmission requested",
  reopen: "Re-opened",
  escalate: "Escalated",
  confirm: "Second review: confirmed",
  reject: "Second review: rejected",
  comment: "Note",
};

export type ReviewRow = { id: string; action: string; newStatus: string | null; comment: string; reasonCode: string | null; customerComment: string | null; pending: boolean; secondOfId: string | null; mentions: unknown };

// `reviews`: the case's other reviews, so a second review can name whose decision it confirms
export function describeCaseReview(input: { review: ReviewRow; reviews: { id: string; userId: string | null }[]; reasonLabels: Map<string, string>; names: Map<string, string>; reviewer: (userId: string | null) => string }) {
  const r = input.review;
  const lines: string[] = [];
  const title = `${titles[r.action] ?? r.action}${r.pending ? " (awaiting a second reviewer)" : ""}`;
  if (r.reasonCode) lines.push(`Reason: ${input.reasonLabels.get(r.reasonCode) ? `${input.reasonLabels.get(r.reasonCode)} (${r.reasonCode})` : r.reasonCode}`);
  if (r.customerComment) lines.push(`Comment for the customer: ${r.customerComment}`);
  if (r.comment) lines.push(r.action === "comment" ? r.comment : `Internal comment: ${r.comment}`);
  const mentions = mentionedUserIds(r.mentions);
  if (mentions.length > 0) lines.push(`Mentions: ${mentions.map((id) => `@${input.names.get(id) ?? "deleted user"}`).join(", ")}`);
  const first = r.secondOfId ? input.reviews.find((x) => x.id === r.secondOfId) : undefined;
  if (r.secondOfId) lines.push(`Second review of the decision by ${first ? input.reviewer(first.userId) : "an earlier reviewer"}`);
  return { title, lines, kind: r.action === "comment" ? ("note" as const) : ("decision" as const) };
}

// The console user ids a review's stored mentions name (only notes have any).
export function mentionedUserIds(mentions: unknown): string[] {
  return Array.isArray(mentions) ? mentions.filter((m): m is string => typeof m === "string") : [];
}

// The application's reason codes (its own list, else the defaults), as code -> label.
export function reasonLabelsOf(reasonCodes: unknown): Map<string, string> {
  return new Map(readReasonCodes(reasonCodes).map((c) => [c.code, c.label]));
}
