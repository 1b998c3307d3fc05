import { atCapacity, getAdmissionGates } from "@/lib/api/get-admission-gates";
import type { MultipartForm } from "@/lib/api/read-multipart-form";
import { readAdmittedUpload } from "@/lib/api/read-admitted-upload";
import { withWork } from "@/lib/bootstrap/track-work";

// Load shedding for the face checks, fair between applications: a check takes a slot only once its
// body is in (a slow upload holds no slot), and one application cannot keep the others out: beyond
// its share it is refused with 503 + Retry-After while another application waits, and an application
// below its share waits briefly for the next free slot instead of being refused.
export async function admitCheck<T>(input: { applicationId: string }, run: () => Promise<T>): Promise<T> {
  const release = await getAdmissionGates().checks.acquire(input.applicationId);
  if (!release) throw atCapacity("face checks", "checks");
  try {
    return await run();
  } finally {
    release();
  }
}

/**
 * A face check's multipart body, received under the upload limits, then the check run under a check
 * slot; counted as work a shutdown finishes, and refused with 503 once the instance is draining.
 */
export async function admitUploadedCheck<T>(req: Request, input: { applicationId: string; max?: number }, run: (form: MultipartForm) => Promise<T>): Promise<T> {
  return withWork(async () => {
    const form = await readAdmittedUpload(req, input);
    return admitCheck({ applicationId: input.applicationId }, () => run(form));
  });
}
