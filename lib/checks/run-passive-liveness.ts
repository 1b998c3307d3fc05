import { randomUUID } from "node:crypto";
import type { MultipartForm } from "@/lib/api/read-multipart-form";
import { checkUpload, describeFaceWarnings } from "@/lib/checks/analyze-upload";
import { describeListWarnings, findFaceMatches, listWarningsStatus } from "@/lib/checks/find-face-matches";
import { getBooleanField, getFileField, getScoreField, getTextField } from "@/lib/checks/form-fields";
import { saveApiRequest, type CheckContext } from "@/lib/checks/save-api-request";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decideLiveness } from "@/lib/verification/decide-liveness";
import { worstStatus } from "@/lib/verification/decide-score-status";
import type { Warning } from "@/lib/verification/warnings";

// POST /v3/passive-liveness/: one frame -> liveness score and status, face quality and luminance,
// plus blocklist and duplicate checks against the application's enrolled faces.
export async function runPassiveLiveness(form: MultipartForm, ctx: CheckContext) {
  const started = Date.now();
  const { settings } = ctx;
  const vendorData = getTextField(form, "vendor_data");
  const decline = getScoreField(form, "face_liveness_score_decline_threshold") ?? settings.liveness.decline;
  const review = Math.max(decline, getScoreField(form, "face_liveness_score_review_threshold") ?? settings.liveness.review);
  const rotate = getBooleanField(form, "rotate_image") ?? false;
  const keep = getBooleanField(form, "save_api_request") ?? settings.saveApiRequests;
  const image = getFileField(form, ["user_image"]);
  if (!image) throw new AppError("validation_error", "user_image is required: the selfie to check.", { field: "user_image" });

  const upload = await checkUpload({ field: image.name, bytes: image.bytes, rotate, liveness: true, explain: ctx.explain });
  let warnings: Warning[] = describeFaceWarnings(upload);
  const primary = upload.analysis.primary;
  let status: "Approved" | "In Review" | "Declined" = "Declined";
  let score: number | null = null;
  if (primary && upload.liveness) {
    const { liveness } = upload;
    score = Math.round(liveness.score);
    const decided = decideLiveness({ score, limitation: liveness.limitation, thresholds: { review, decline }, image: upload.field, faceWarnings: warnings });
    warnings = decided.warnings;
    const hits = await findFaceMatches({ applicationId: ctx.applicationId, embedding: primary.embedding, modelId: primary.modelId, minSimilarity: settings.faceMatch.review });
    const listWarnings = await describeListWarnings(getDb(), { applicationId: ctx.applicationId, hits, vendorData });
    warnings.push(...listWarnings);
    status = worstStatus(decided.status, listWarningsStatus(listWarnings));
  }

  const requestId = randomUUID();
  const report = {
    status,
    method: "PASSIVE" as const,
    score,
    face_quality: primary ? Math.round(primary.quality.overall) : null,
    face_luminance: primary ? Math.round((primary.meanLuminance / 255) * 100) : null,
    warnings,
  };
  const urls = await saveApiRequest(
    { id: requestId, applicationId: ctx.applicationId, apiKeyId: ctx.apiKeyId, origin: ctx.origin, endpoint: "passive-liveness", status, score, vendorData, warnings, result: { liveness: report, thresholds: { review, decline } }, durationMs: Date.now() - started },
    { keepImages: keep ? [{ kind: "reference_image", bytes: image.bytes }] : [], retentionDays: settings.retentionDays },
  );
  return { request_id: requestId, created_at: new Date().toISOString(), vendor_data: vendorData, liveness: { ...report, reference_image: urls.reference_image ?? null } };
}
