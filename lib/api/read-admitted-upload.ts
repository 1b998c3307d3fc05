import { atCapacity, getAdmissionGates } from "@/lib/api/get-admission-gates";
import { MAX_MULTIPART_BYTES, readMultipartForm, type MultipartForm } from "@/lib/api/read-multipart-form";

// The multipart body of a face check, received under the upload limits before the check itself is
// admitted: an upload slot of the application (refused at once with 503 when it or the server has
// none free), then the body cap and read deadline of readMultipartForm. The slot is freed as soon as
// the body is in, so a check slot is only ever held by a request whose body has arrived.
export async function readAdmittedUpload(req: Request, input: { applicationId: string; max?: number }): Promise<MultipartForm> {
  const release = await getAdmissionGates().uploads.acquire(input.applicationId);
  if (!release) throw atCapacity("uploads", "uploads");
  try {
    return await readMultipartForm(req, input.max ?? MAX_MULTIPART_BYTES);
  } finally {
    release();
  }
}
