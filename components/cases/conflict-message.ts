// A refused decision's message, with the time of the winning decision in the reviewer's own locale and
// time zone (the server sends it as data, never formatted).
export function conflictMessage(error: Error & { details?: Record<string, unknown> }): string {
  const at = error.details?.decidedAt;
  if (typeof at !== "string") return error.message;
  const when = new Date(at).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });
  return `${error.message.replace(/\.$/, "")} at ${when}.`;
}
