import type { ApplicationSettings } from "@/lib/applications/application-settings";
import type { ExplainUpload } from "@/lib/checks/analyze-upload";
import { getDb } from "@/lib/db";
import { deleteMedia, storeMedia } from "@/lib/media/blob-store";
import { createSignedMediaUrl } from "@/lib/media/signed-url";
import { sniffImageType } from "@/lib/media/sniff-image-type";
import { getMetrics } from "@/lib/metrics/get-metrics";

/** Who ran a standalone check: a /v3 call with an API key, or the console's playground (no key). */
export type CheckOrigin = "api" | "console";

/**
 * What a standalone check runs under: the application, its settings, and the caller; `explain` (the
 * playground) receives what the models saw in each image, from the check's own analysis.
 */
export type CheckContext = { applicationId: string; apiKeyId: string | null; settings: ApplicationSettings; origin?: CheckOrigin; explain?: ExplainUpload };

export type ApiRequestRecord = {
  id: string;
  applicationId: string;
  apiKeyId: string | null;
  origin?: CheckOrigin;
  endpoint: string;
  status: string | null;
  score: number | null;
  vendorData: string | null;
  warnings: unknown;
  result: unknown;
  durationMs: number;
};

const mimeTypes = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp" } as const;

// Every standalone call is recorded (scores, status, warnings: what the console's request log shows).
// Images are stored, sealed, only when kept; a failure removes what was written, so no half record.
export async function saveApiRequest(record: ApiRequestRecord, options: { keepImages: { kind: string; bytes: Uint8Array }[]; retentionDays: number | null }): Promise<Record<string, string>> {
  const db = getDb();
  const expiresAt = options.retentionDays ? new Date(Date.now() + options.retentionDays * 86_400_000) : null;
  const stored: { kind: string; id: string }[] = [];
  try {
    for (const image of options.keepImages) {
      const mimeType = mimeTypes[sniffImageType(image.bytes) ?? "jpeg"];
      const media = await storeMedia(db, { applicationId: record.applicationId, kind: image.kind, mimeType, bytes: image.bytes, requestId: record.id, expiresAt });
      stored.push({ kind: image.kind, id: media.id });
    }
    await db.apiRequest.create({
      data: {
        id: record.id,
        applicationId: record.applicationId,
        apiKeyId: record.apiKeyId,
        endpoint: record.endpoint,
        status: record.status,
        score: record.score,
        vendorData: record.vendorData,
        warnings: record.warnings as object,
        // playground calls are marked so the request log can tell them from integrations' calls
        result: { ...(record.result as object), media: Object.fromEntries(stored.map((s) => [s.kind, s.id])), ...(record.origin === "console" ? { origin: "console" } : {}) },
        durationMs: record.durationMs,
      },
    });
  } catch (error) {
    await deleteMedia(db, stored.map((s) => s.id)).catch(() => undefined);
    throw error;
  }
  getMetrics().checks.inc({ origin: record.origin ?? "api", type: record.endpoint, status: record.status ?? "none" });
  return Object.fromEntries(stored.map((s) => [s.kind, createSignedMediaUrl(s.id)]));
}
