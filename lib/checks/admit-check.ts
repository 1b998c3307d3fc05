import { getAdmissionGates } from "@/lib/api/get-admission-gates";
import { AppError } from "@/lib/errors";

export const atCapacity = (what: string) => new AppError("service_unavailable", `The server is at capacity (${what}); retry in a moment.`, { headers: { "Retry-After": "1" } });

// Load shedding for the face checks, fair between applications: a check takes a slot only once its
// body is in (a slow upload holds no slot), and one application cannot keep the others out: beyond
// its share it is refused with 503 + Retry-After while another application waits, and an application
// below its share waits briefly for the next free slot instead of being refused.
export async function admitCheck<T>(input: { applicationId: string }, run: () => Promise<T>): Promise<T> {
  const release = await getAdmissionGates().checks.acquire(input.applicationId);
  if (!release) throw atCapacity("face checks");
  try {
    return await run();
  } finally {
    release();
  }
}
