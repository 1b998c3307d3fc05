import { z } from "zod";
import { webhookEventNames } from "@/lib/webhooks/schemas";
import { isoDateTime, uuid } from "./common";

// lib/webhooks/*: destinations (the secret only on create and rotate), deliveries and their attempts.
const destinationFields = {
  id: uuid,
  label: z.string(),
  url: z.string(),
  enabled: z.boolean(),
  subscribed_events: z.array(z.enum(webhookEventNames)),
  disabled_reason: z.string().nullable().meta({ description: "Why delivery was switched off (e.g. the receiver answered 410 Gone)." }),
  previous_secret_expires_at: isoDateTime.nullable().meta({ description: "End of the grace period of the previous secret after a rotation." }),
  created_at: isoDateTime,
  updated_at: isoDateTime,
};

export const destinationSchema = z.object(destinationFields).meta({ id: "WebhookDestination" });
export const destinationWithSecretSchema = z
  .object({ ...destinationFields, secret_shared_key: z.string().meta({ description: "HMAC key of the signatures. Shown only here: store it now." }) })
  .meta({ id: "WebhookDestinationWithSecret" });
export const destinationListSchema = z.object({ data: z.array(destinationSchema) }).meta({ id: "WebhookDestinationList" });

export const deliveryListSchema = z
  .object({
    data: z.array(
      z.object({
        id: uuid,
        event_id: uuid,
        event_type: z.string(),
        session_id: z.string().nullable(),
        status: z.enum(["pending", "delivered", "failed"]),
        attempts: z.number().int(),
        next_attempt_at: isoDateTime.nullable(),
        last_status_code: z.number().int().nullable(),
        last_error: z.string().nullable(),
        delivered_at: isoDateTime.nullable(),
        created_at: isoDateTime,
        attempt_log: z.array(z.object({ status_code: z.number().int().nullable(), latency_ms: z.number().int().nullable(), error: z.string().nullable(), response_excerpt: z.string().nullable(), created_at: isoDateTime })),
      }),
    ),
  })
  .meta({ id: "WebhookDeliveryList" });

export const redeliveryResponseSchema = z.object({ delivery_id: uuid, status: z.literal("pending") }).meta({ id: "Redelivery" });
