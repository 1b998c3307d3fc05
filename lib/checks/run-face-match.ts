import { randomUUID } from "node:crypto";
import type { MultipartForm } from "@/lib/api/read-multipart-form";
import { checkUpload, describeFaceWarnings } from "@/lib/checks/analyze-upload";
import { getBooleanField, getFileField, getScoreField, getTextField } from "@/lib/checks/form-fields";
import { saveApiRequest, type CheckContext } from "@/lib/checks/save-api-request";
import { AppError } from "@/lib/errors";
import { compareEmbeddings } from "@/lib/vision";
import { decideScoreStatus } from "@/lib/verification/decide-score-status";
import { createWarning, type Warning } from "@/lib/verification/warnings";

const SOURCE_FIELDS = ["source_image", "user_image"];
const TARGET_FIELDS = ["target_image", "ref_image"];

// POST /v3/face-match/: two images -> symmetric 0-100 score, status from the two thresholds, warnings.
export async function runFaceMatch(form: MultipartForm, ctx: CheckContext) {
  const started = Date.now();
  const { settings } = ctx;
  const vendorData = getTextField(form, "vendor_data");
  const review = getScoreField(form, "face_match_score_review_threshold") ?? settings.faceMatch.review;
  const decline = getScoreField(form, "face_match_score_decline_threshold") ?? settings.faceMatch.decline;
  const rotate = getBooleanField(form, "rotate_image") ?? false;
  const keep = getBooleanField(form, "save_api_request") ?? settings.saveApiRequests;
  const source = getFileField(form, SOURCE_FIELDS);
  const target = getFileField(form, TARGET_FIELDS);
  if (!source) throw new AppError("validation_error", "source_image (or user_image) is required: the live selfie to match.", { field: "source_image" });

  // both images at once: decoding and the models spread over the cores and the inference workers
  const [sourceUpload, targetUpload] = await Promise.all([
    checkUpload({ field: source.name, bytes: source.bytes, rotate, explain: ctx.explain }),
    target ? checkUpload({ field: target.name, bytes: target.bytes, rotate, explain: ctx.explain }) : Promise.resolve(null),
  ]);

  const warnings: Warning[] = [...describeFaceWarnings(sourceUpload)];
  let score = 0;
  let status: "Approved" | "In Review" | "Declined" = "Declined";
  if (!targetUpload) {
    warnings.push(createWarning("NO_REFERENCE_IMAGE", "Send target_image (or ref_image)."));
  } else {
    warnings.push(...describeFaceWarnings(targetUpload));
    const a = sourceUpload.analysis.primary;
    const b = targetUpload.analysis.primary;
    if (a && b) {
      score = Math.round(compareEmbeddings(a.embedding, b.embedding).score);
      status = decideScoreStatus(score, { review, decline });
      if (status !== "Approved") warnings.push(createWarning("LOW_FACE_MATCH_SIMILARITY", `Score ${score}; review below ${review}, decline below ${decline}.`));
    }
  }

  const requestId = randomUUID();
  const createdAt = new Date().toISOString();
  const report = { status, score, source_image_session_id: null, warnings };
  const urls = await saveApiRequest(
    { id: requestId, applicationId: ctx.applicationId, apiKeyId: ctx.apiKeyId, origin: ctx.origin, endpoint: "face-match", status, score, vendorData, warnings, result: { face_match: report, thresholds: { review, decline } }, durationMs: Date.now() - started },
    { keepImages: keep ? [{ kind: "source_image", bytes: source.bytes }, ...(target ? [{ kind: "target_image", bytes: target.bytes }] : [])] : [], retentionDays: settings.retentionDays },
  );
  return {
    request_id: requestId,
    created_at: createdAt,
    vendor_data: vendorData,
    face_match: { ...report, source_image: urls.source_image ?? null, target_image: urls.target_image ?? null },
  };
}
