import { z } from "zod";
import { errorStatus } from "@/lib/errors";
import { checkStatuses } from "@/lib/sessions/statuses";

// Building blocks of the response schemas. Every z.object here becomes `additionalProperties: false`
// in the generated document (zod's output mode), so a field the server sends without documenting it
// fails the integration suite. Customer-owned JSON (metadata, additional_data) stays open on purpose.

export const isoDateTime = z.string().meta({ format: "date-time" });
export const uuid = z.string().meta({ format: "uuid" });
export const customerJson = z.record(z.string(), z.unknown()).meta({ description: "Your own JSON object, echoed as sent." });
export const signedMediaUrl = z.string().meta({ format: "uri", description: "Signed URL served by this app; stops working 60 minutes after the response." });
export const checkStatus = z.enum(checkStatuses);

export const warningSchema = z
  .object({
    risk: z.string().meta({ description: "Risk code, e.g. LOW_FACE_MATCH_SIMILARITY, NO_FACE_DETECTED, LIVENESS_FACE_ATTACK, FACE_IN_BLOCKLIST." }),
    log_type: z.enum(["information", "warning", "error"]),
    short_description: z.string(),
    long_description: z.string(),
    additional_data: z
      .record(z.string(), z.union([z.string(), z.number(), z.null()]))
      .optional()
      .meta({ description: "What a FACE_IN_BLOCKLIST or DUPLICATED_FACE warning matched (blocklisted_session_id, list_name, similarity, ...)." }),
  })
  .meta({ id: "Warning" });

const errorCodes = Object.keys(errorStatus) as [keyof typeof errorStatus, ...(keyof typeof errorStatus)[]];

// lib/api/error-response.ts: the one error shape of every route
export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      field: z.string().optional().meta({ description: "The request field at fault, when there is one." }),
      details: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).optional(),
    }),
  })
  .meta({ id: "Error" });

// lib/workflows/graph-error-response.ts: the error plus one entry per graph problem
export const graphErrorSchema = z
  .object({
    error: z.object({ code: z.enum(errorCodes), message: z.string() }),
    errors: z.array(z.object({ node_id: z.string().nullable(), edge_id: z.string().optional(), field: z.string().optional(), message: z.string() })),
  })
  .meta({ id: "GraphError" });
