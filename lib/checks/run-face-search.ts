import { randomUUID } from "node:crypto";
import type { MultipartForm } from "@/lib/api/read-multipart-form";
import { checkUpload, describeFaceWarnings } from "@/lib/checks/analyze-upload";
import { describeListWarnings, findFaceMatches, listWarningsStatus } from "@/lib/checks/find-face-matches";
import { getBooleanField, getFileField, getScoreField, getTextField } from "@/lib/checks/form-fields";
import { saveApiRequest, type CheckContext } from "@/lib/checks/save-api-request";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

// POST /v3/face-search/: 1:N against the application's enrolled faces (approved sessions, re-auth
// enrolments, face-list entries): up to 5 matches, best first, with blocklist/duplicate warnings.
export async function runFaceSearch(form: MultipartForm, ctx: CheckContext) {
  const started = Date.now();
  const { settings } = ctx;
  const vendorData = getTextField(form, "vendor_data");
  const minSimilarity = getScoreField(form, "similarity_threshold") ?? settings.faceMatch.decline;
  const rotate = getBooleanField(form, "rotate_image") ?? false;
  const keep = getBooleanField(form, "save_api_request") ?? settings.saveApiRequests;
  const image = getFileField(form, ["user_image"]);
  if (!image) throw new AppError("validation_error", "user_image is required: the face to search for.", { field: "user_image" });

  const upload = await checkUpload({ field: image.name, bytes: image.bytes, rotate, explain: ctx.explain });
  const warnings = describeFaceWarnings(upload);
  const primary = upload.analysis.primary;
  const hits = primary ? await findFaceMatches({ applicationId: ctx.applicationId, embedding: primary.embedding, modelId: primary.modelId, k: 5, minSimilarity }) : [];
  const strong = hits.filter((h) => h.similarity >= settings.faceMatch.review);
  const listWarnings = await describeListWarnings(getDb(), { applicationId: ctx.applicationId, hits: strong, vendorData });
  warnings.push(...listWarnings);
  const status = primary ? listWarningsStatus(listWarnings) : "Declined";

  const listIds = [...new Set(hits.map((h) => h.entry.listId).filter((id): id is string => Boolean(id)))];
  const lists = listIds.length ? await getDb().faceList.findMany({ where: { id: { in: listIds } }, select: { id: true, name: true } }) : [];
  const matches = hits.map((h) => ({
    session_id: h.entry.kind === "list" ? null : (h.entry.refId ?? null),
    vendor_data: h.entry.vendorData ?? null,
    similarity_percentage: h.similarity,
    source: h.entry.kind,
    list_id: h.entry.listId ?? null,
    list_name: lists.find((l) => l.id === h.entry.listId)?.name ?? null,
  }));

  const requestId = randomUUID();
  const report = { status, total_matches: matches.length, matches, warnings };
  const urls = await saveApiRequest(
    { id: requestId, applicationId: ctx.applicationId, apiKeyId: ctx.apiKeyId, origin: ctx.origin, endpoint: "face-search", status, score: matches[0]?.similarity_percentage ?? null, vendorData, warnings, result: { face_search: report, thresholds: { review: settings.faceMatch.review, decline: minSimilarity } }, durationMs: Date.now() - started },
    { keepImages: keep ? [{ kind: "user_image", bytes: image.bytes }] : [], retentionDays: settings.retentionDays },
  );
  return { request_id: requestId, created_at: new Date().toISOString(), vendor_data: vendorData, face_search: { ...report, user_image: urls.user_image ?? null } };
}
