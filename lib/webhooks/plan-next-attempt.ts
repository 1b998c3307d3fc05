// What happens to a delivery after one attempt. Pure, so the retry policy is unit-tested without a server.
export type AttemptResult = { statusCode: number | null; error?: string; kind?: "network" | "timeout" | "refused" };

export type NextStep =
  | { action: "delivered" }
  | { action: "retry"; at: Date }
  | { action: "fail"; reason: string; disableDestination?: boolean };

// at least this many tries, even when a replayed delivery is already past the retry window
const MIN_ATTEMPTS = 8;

export function planNextAttempt(input: {
  result: AttemptResult;
  attempts: number;
  firstQueuedAt: Date;
  now: Date;
  retryBaseMs: number;
  retryMaxMs: number;
  retryWindowMs: number;
  inSecretRotationGrace?: boolean;
  random?: () => number;
}): NextStep {
  const { result } = input;
  const code = result.statusCode;
  if (code !== null && code >= 200 && code < 300) return { action: "delivered" };
  if (code === 410) return { action: "fail", reason: "receiver answered 410 Gone; destination disabled", disableDestination: true };
  if (result.kind === "refused") return { action: "fail", reason: result.error ?? "destination address refused" };

  // Receivers that have not yet picked up a rotated secret answer 401/403: keep trying during the grace.
  const authDuringRotation = (code === 401 || code === 403) && input.inSecretRotationGrace;
  const retryable = code === null || code >= 500 || code === 404 || code === 408 || code === 429 || authDuringRotation;
  if (!retryable) {
    if (code !== null && code >= 300 && code < 400) return { action: "fail", reason: `receiver answered ${code}; redirects are not followed` };
    return { action: "fail", reason: `receiver answered ${code}` };
  }

  const elapsed = input.now.getTime() - input.firstQueuedAt.getTime();
  if (elapsed >= input.retryWindowMs && input.attempts >= MIN_ATTEMPTS) {
    return { action: "fail", reason: `gave up after ${input.attempts} attempts: ${code === null ? result.error ?? "no response" : `last answer ${code}`}` };
  }
  const exponential = Math.min(input.retryMaxMs, input.retryBaseMs * 2 ** Math.max(0, input.attempts - 1));
  // +-20% jitter so many deliveries failing together do not retry in lockstep
  const jitter = 0.8 + 0.4 * (input.random ?? Math.random)();
  return { action: "retry", at: new Date(input.now.getTime() + Math.round(exponential * jitter)) };
}
