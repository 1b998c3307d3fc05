import { MultipartForm } from "@/lib/api/read-multipart-form";
import { applicationSettingsOf } from "@/lib/applications/application-settings";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ConsoleUser } from "@/lib/auth/get-console-user";
import { getBooleanField } from "@/lib/checks/form-fields";
import { runFaceMatch } from "@/lib/checks/run-face-match";
import { runFaceSearch } from "@/lib/checks/run-face-search";
import { runPassiveLiveness } from "@/lib/checks/run-passive-liveness";
import type { CheckContext } from "@/lib/checks/save-api-request";
import { encodeEngineCrops, type FaceOverlay } from "@/lib/console/encode-engine-crops";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { FaceExplanation } from "@/lib/vision";
import { formatCurlCommand } from "./format-curl-command";
import { playgroundImageFields, type PlaygroundCheck } from "./schemas";

type Application = Parameters<typeof applicationSettingsOf>[0] & { id: string };

/** The /v3 response of the check, as it is. */
export type CheckResponse = Awaited<ReturnType<typeof runFaceMatch>> | Awaited<ReturnType<typeof runPassiveLiveness>> | Awaited<ReturnType<typeof runFaceSearch>>;

const runners: Record<PlaygroundCheck, (form: MultipartForm, ctx: CheckContext) => Promise<CheckResponse>> = {
  "face-match": runFaceMatch,
  "passive-liveness": runPassiveLiveness,
  "face-search": runFaceSearch,
};

export type PlaygroundImage = { field: string; filename: string; overlay: FaceOverlay };

/**
 * One console playground check: exactly the /v3 check (same function, same recording in the request
 * log, under the console's application and no API key), plus what the engine saw in each image and the
 * curl command that reproduces it. Nothing is kept unless `keep` was ticked: the form passed on carries
 * only the images and an explicit save_api_request, whatever the application's default.
 */
export async function runPlaygroundCheck(form: MultipartForm, input: { check: PlaygroundCheck; application: Application; user: ConsoleUser }) {
  const { check, application, user } = input;
  const keep = getBooleanField(form, "keep") ?? false;
  // rotate_image: like the console's other overlays, the playground tries the other orientations
  const fields = { rotate_image: "true", save_api_request: keep ? "true" : "false" };
  const checkForm = new MultipartForm();
  const files: { field: string; filename: string }[] = [];
  for (const field of playgroundImageFields[check]) {
    const value = form.get(field);
    if (value === null) continue;
    checkForm.append(field, value);
    if (typeof value !== "string") files.push({ field, filename: value.filename });
  }
  for (const [name, value] of Object.entries(fields)) checkForm.append(name, value);

  // the overlays come from the check's own decode and detection (in the same inference job)
  const explained = new Map<string, FaceExplanation>();
  const explain = (field: string, explanation: FaceExplanation) => explained.set(field, explanation);
  const result = await runners[check](checkForm, { applicationId: application.id, apiKeyId: null, settings: applicationSettingsOf(application), origin: "console", explain });
  const images: PlaygroundImage[] = await Promise.all(files.map(async (f) => ({ ...f, overlay: await encodeEngineCrops(explained.get(f.field)!) })));
  const db = getDb();
  const recorded = await db.apiRequest.findUnique({ where: { id: result.request_id }, select: { result: true } });
  const thresholds = (recorded?.result as { thresholds?: { review: number; decline: number } } | null)?.thresholds ?? null;
  await recordAudit(db, {
    actor: { type: "user", id: user.id, label: user.email },
    action: `playground.${check}`,
    applicationId: application.id,
    targetType: "api_request",
    targetId: result.request_id,
    details: { kept: keep, images: files.length },
  });
  return { check, kept: keep, result, thresholds, images, curl: formatCurlCommand({ check, baseUrl: getEnv().publicUrl, files, fields }) };
}

export type PlaygroundResult = Awaited<ReturnType<typeof runPlaygroundCheck>>;
