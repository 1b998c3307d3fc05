import { z } from "zod";
import { sessionStatusSchema } from "@/lib/sessions/statuses";
import { checkStatus, customerJson, isoDateTime, signedMediaUrl, uuid, warningSchema } from "./common";

// lib/sessions/*: what create, list, decision and reviews answer. The decision is also the `decision`
// of a webhook payload (without internal comments).

const score = z.number().min(0).max(100).nullable();

export const createSessionResponseSchema = z
  .object({
    session_id: uuid,
    session_number: z.number().int(),
    session_token: z.string().nullable().meta({ description: "The capture token; null when an unfinished session is returned again (200)." }),
    url: z.string().nullable().meta({ format: "uri", description: "The hosted capture page." }),
    session_url: z.string().nullable().meta({ format: "uri", description: "Same as url (the hosted service's name)." }),
    status: sessionStatusSchema,
    workflow_id: uuid,
    vendor_data: z.string().nullable(),
    callback: z.string().nullable(),
    metadata: customerJson.nullable(),
  })
  .meta({ id: "CreatedSession" });

const livenessAttempt = z.object({
  status: checkStatus,
  method: z.string().nullable().meta({ description: "PASSIVE, FLASHING or ACTIVE_3D." }),
  score,
  attempt: z.number().int(),
  warnings: z.array(warningSchema).nullable(),
  reference_image: signedMediaUrl.nullable(),
  created_at: isoDateTime,
});

const faceMatchAttempt = z.object({
  status: checkStatus,
  score,
  source_image_session_id: uuid,
  source_image: signedMediaUrl.nullable(),
  target_image: signedMediaUrl.nullable(),
  warnings: z.array(warningSchema).nullable(),
  created_at: isoDateTime,
});

export const reviewSchema = z
  .object({
    action: z.string().meta({ description: "decision, comment, escalation, ..." }),
    new_status: z.string().nullable(),
    comment: z.string().nullable().meta({ description: "Internal comment; null in webhooks." }),
    reason_code: z.string().nullable(),
    reason: z.string().nullable(),
    customer_comment: z.string().nullable(),
    reviewer: z.string().nullable().meta({ description: "Reviewer's email; null for API decisions." }),
    created_at: isoDateTime,
  })
  .meta({ id: "Review" });

// what a session's decision and each row of the session list both open with
const sessionSummary = {
  session_id: uuid,
  session_number: z.number().int(),
  session_url: z.string().nullable(),
  status: sessionStatusSchema,
  workflow_id: uuid,
  workflow_type: z.string(),
  vendor_data: z.string().nullable(),
  metadata: customerJson.nullable(),
};

export const sessionDecisionSchema = z
  .object({
    ...sessionSummary,
    callback: z.string().nullable(),
    created_at: isoDateTime,
    decided_at: isoDateTime.nullable(),
    liveness: livenessAttempt.nullable().meta({ description: "The latest liveness attempt, with blocklist and duplicate warnings." }),
    face_list_check: z.object({ status: checkStatus, warnings: z.array(warningSchema) }).nullable(),
    face_match: faceMatchAttempt.nullable(),
    face: z.object({ status: checkStatus, similarity_score: z.number().min(0).max(1).nullable() }).nullable().meta({ description: "Re-authentication excerpt: similarity 0-1." }),
    ip_analysis: z.looseObject({ status: checkStatus, warnings: z.array(warningSchema).nullable() }).nullable().meta({ description: "Country, anonymiser flags and the like when IP_ANALYSIS ran." }),
    step_up: z.record(z.string(), z.unknown()).nullable().meta({ description: "Re-authentication step-up decision: {action, reason, method}." }),
    path_taken: z.unknown().meta({ description: "Node ids the workflow run went through (null before it ran)." }),
    decided_by: z
      .looseObject({ rule: z.enum(["end_node", "check_threshold", "check_result", "list_hit", "step_up_skip", "reviewer", "second_review", "expired", "abandoned"]) })
      .nullable()
      .meta({ description: "Which rule gave the session its status: the path's end node, a check's own threshold (check, score, threshold, kind, whose threshold, where the path would have ended), a check result, a face-list hit, a step-up skip, a reviewer or second reviewer, expiry or abandonment. Null before the session is decided." }),
    reviews: z.array(reviewSchema),
    resubmissions: z.number().int(),
    liveness_checks: z.array(livenessAttempt),
    face_matches: z.array(faceMatchAttempt),
  })
  .meta({ id: "SessionDecision" });

export const sessionListSchema = z
  .object({
    count: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    results: z.array(
      z.object({
        ...sessionSummary,
        created_at: isoDateTime,
        decided_at: isoDateTime.nullable(),
      }),
    ),
  })
  .meta({ id: "SessionList" });

export const sessionReviewsSchema = z.object({ session_id: uuid, status: sessionStatusSchema, reviews: z.array(reviewSchema) }).meta({ id: "SessionReviews" });
