// How long links and captures live. Overridable so operators (and tests) can tune them.
export function sessionLinkTtlMs(): number {
  return Number(process.env.SESSION_LINK_TTL_HOURS ?? 24 * 7) * 3_600_000;
}

export function sessionCompleteWithinMs(): number {
  return Number(process.env.SESSION_COMPLETE_MINUTES ?? 30) * 60_000;
}
