import { z } from "zod";
import { sessionStatusSchema } from "@/lib/sessions/statuses";
import { customerJson, uuid } from "./common";
import { sessionDecisionSchema } from "./sessions";

// lib/sessions/change-session-status.ts and lib/webhooks/send-test-webhook.ts: the body of a delivery.
// `timestamp` is written by the worker at each attempt and equals the X-Timestamp header.
export const webhookPayloadSchema = z
  .object({
    session_id: uuid,
    status: sessionStatusSchema,
    webhook_type: z.enum(["status.updated", "data.updated"]),
    created_at: z.number().int().meta({ description: "Unix seconds when the change happened." }),
    timestamp: z.number().int().optional().meta({ description: "Unix seconds of this attempt (equals X-Timestamp); absent in the test endpoint's echo." }),
    vendor_data: z.string().nullable(),
    metadata: customerJson.nullable(),
    workflow_id: uuid.nullable(),
    decision: sessionDecisionSchema.optional().meta({ description: "Attached for Approved, Declined, In Review and Abandoned; internal comments left out." }),
  })
  .meta({ id: "WebhookPayload" });

export const testWebhookResponseSchema = z
  .object({ event_id: uuid, delivery_id: uuid, status: z.literal("pending"), payload: webhookPayloadSchema })
  .meta({ id: "TestWebhookQueued" });
