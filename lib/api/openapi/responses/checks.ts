import { z } from "zod";
import { checkStatus, isoDateTime, signedMediaUrl, uuid, warningSchema } from "./common";

// lib/checks/run-*.ts: the standalone checks' answers
const envelope = { request_id: uuid, created_at: isoDateTime, vendor_data: z.string().nullable() };

export const faceMatchResponseSchema = z
  .object({
    ...envelope,
    face_match: z.object({
      status: z.enum(["Approved", "In Review", "Declined"]),
      score: z.number().min(0).max(100).meta({ description: "Symmetric similarity, 0-100 (0 when a face is missing)." }),
      source_image_session_id: z.null(),
      warnings: z.array(warningSchema),
      source_image: signedMediaUrl.nullable().meta({ description: "Set when save_api_request kept the images." }),
      target_image: signedMediaUrl.nullable(),
    }),
  })
  .meta({ id: "FaceMatchResponse" });

export const passiveLivenessResponseSchema = z
  .object({
    ...envelope,
    liveness: z.object({
      status: z.enum(["Approved", "In Review", "Declined"]),
      method: z.literal("PASSIVE"),
      score: z.number().min(0).max(100).nullable().meta({ description: "Liveness score 0-100; null when no face was found." }),
      face_quality: z.number().min(0).max(100).nullable(),
      face_luminance: z.number().min(0).max(100).nullable(),
      warnings: z.array(warningSchema),
      reference_image: signedMediaUrl.nullable(),
    }),
  })
  .meta({ id: "PassiveLivenessResponse" });

export const faceSearchResponseSchema = z
  .object({
    ...envelope,
    face_search: z.object({
      status: checkStatus,
      total_matches: z.number().int().min(0).max(5),
      matches: z.array(
        z.object({
          session_id: z.string().nullable(),
          vendor_data: z.string().nullable(),
          similarity_percentage: z.number().min(0).max(100),
          source: z.enum(["session", "reauth", "list"]).meta({ description: "Where the enrolled face came from." }),
          list_id: z.string().nullable(),
          list_name: z.string().nullable(),
        }),
      ),
      warnings: z.array(warningSchema),
      user_image: signedMediaUrl.nullable(),
    }),
  })
  .meta({ id: "FaceSearchResponse" });
