import { AppError } from "@/lib/errors";

// Load shedding for the face checks: beyond MAX_CONCURRENT_CHECKS requests in flight in this process,
// new ones are refused at once with 503 + Retry-After instead of queueing until clients time out or
// memory runs out. Below the cap, requests wait briefly in the inference gate.
let inFlight = 0;

export function maxConcurrentChecks(): number {
  return Number(process.env.MAX_CONCURRENT_CHECKS ?? 10);
}

export async function admitCheck<T>(run: () => Promise<T>): Promise<T> {
  if (inFlight >= maxConcurrentChecks()) {
    throw new AppError("service_unavailable", "The server is at capacity; retry in a moment.", { headers: { "Retry-After": "1" } });
  }
  inFlight++;
  try {
    return await run();
  } finally {
    inFlight--;
  }
}
