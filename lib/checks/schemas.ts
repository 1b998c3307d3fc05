import { z } from "zod";
import { MAX_PIXELS, MAX_UPLOAD_BYTES } from "@/lib/media/limits";

// The multipart forms of the standalone checks, as form-fields.ts reads them (first name present wins;
// booleans accept true/false/1/0/yes/no). The handlers parse the form field by field; these schemas
// are what the OpenAPI document publishes for them, so a field added there is added here.
const megabytes = Math.round(MAX_UPLOAD_BYTES / (1024 * 1024));
const megapixels = Math.round(MAX_PIXELS / 1_000_000);
const imageField = (what: string) =>
  z.string().meta({
    format: "binary",
    contentMediaType: "image/*",
    description: `${what} JPEG, PNG or WEBP (magic bytes checked, EXIF orientation applied), at most ${megabytes} MB and ${megapixels} megapixels.`,
  });

const score = (what: string) => z.number().min(0).max(100).optional().meta({ description: what });
const common = {
  vendor_data: z.string().max(1000).optional().meta({ description: "Your reference for the user, echoed back." }),
  rotate_image: z.boolean().optional().meta({ description: "Try 90/180/270 degree rotations when no face is found." }),
  save_api_request: z.boolean().optional().meta({ description: "Keep the images and result (default: the application's setting); the response then carries signed image URLs." }),
};

export const faceMatchFormSchema = z.object({
  source_image: imageField("Required: the live selfie (or send it as user_image).").optional(),
  user_image: imageField("Alias of source_image.").optional(),
  target_image: imageField("The reference face, e.g. a document portrait (or send it as ref_image); missing: Declined with NO_REFERENCE_IMAGE.").optional(),
  ref_image: imageField("Alias of target_image.").optional(),
  face_match_score_review_threshold: score("Below this score: In Review (default: the application's)."),
  face_match_score_decline_threshold: score("Below this score: Declined (default: the application's)."),
  ...common,
});

export const passiveLivenessFormSchema = z.object({
  user_image: imageField("The selfie to check."),
  face_liveness_score_review_threshold: score("Below this score: In Review."),
  face_liveness_score_decline_threshold: score("Below this score: Declined."),
  ...common,
});

export const faceSearchFormSchema = z.object({
  user_image: imageField("The face to search for among this application's enrolled faces."),
  similarity_threshold: score("Matches below this similarity are left out (default: the decline threshold)."),
  ...common,
});
