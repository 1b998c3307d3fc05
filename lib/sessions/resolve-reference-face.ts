import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decodeBase64ImageOrThrow } from "@/lib/media/decode-base64-image";
import type { DecodedImage } from "@/lib/media/types";
import { analyzeFace } from "@/lib/vision";
import { comparableModelIds } from "@/lib/vision/recogniser";
import { ENROLLED_SOURCES } from "@/lib/templates/create-face-template";

export type ReferenceFace =
  | { kind: "portrait"; embedding: Float32Array; modelId: string; image: DecodedImage }
  | { kind: "enrolled"; templateId: string }
  | { kind: "none" };

// What a session's FACE_MATCH compares the selfie with: the portrait_image sent with the session, or
// the face enrolled earlier for the same vendor_data (an approved session or re-auth enrolment).
export async function resolveReferenceFace(db: Db, input: { applicationId: string; vendorData: string | null; portraitImage: string | null; needsFaceMatch: boolean }): Promise<ReferenceFace> {
  if (input.portraitImage) {
    const image = await decodeBase64ImageOrThrow(input.portraitImage, { field: "portrait_image" });
    const analysis = await analyzeFace(image, { rotate: true });
    if (!analysis.primary) throw new AppError("unprocessable", "portrait_image contains no detectable face.", { field: "portrait_image" });
    return { kind: "portrait", embedding: analysis.primary.embedding, modelId: analysis.primary.modelId, image };
  }
  if (!input.needsFaceMatch) return { kind: "none" };
  const enrolled = input.vendorData
    ? await db.faceTemplate.findFirst({
        where: { applicationId: input.applicationId, vendorData: input.vendorData, source: { in: ENROLLED_SOURCES }, modelId: { in: comparableModelIds() } },
        orderBy: { createdAt: "desc" },
      })
    : null;
  if (!enrolled) {
    throw new AppError("unprocessable", "This workflow has FACE_MATCH but no face is enrolled for this vendor_data: send portrait_image (base64 JPEG/PNG, at most 1 MB).", { field: "portrait_image" });
  }
  return { kind: "enrolled", templateId: enrolled.id };
}
