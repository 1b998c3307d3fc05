import { z } from "zod";

// Event names a destination may subscribe to. The first two are what deliveries carry in `webhook_type`;
// the session.* names come from the hosted service's guide and select status.updated deliveries by status.
export const webhookEventNames = ["status.updated", "data.updated", "session.verified", "session.review_started", "session.declined"] as const;
export type WebhookEventName = (typeof webhookEventNames)[number];
export type WebhookType = "status.updated" | "data.updated";

export const defaultSubscribedEvents: WebhookEventName[] = ["status.updated", "data.updated"];

// session.* subscription -> the session status that status.updated must carry to match it
export const statusForSessionEvent: Partial<Record<WebhookEventName, string>> = {
  "session.verified": "Approved",
  "session.review_started": "In Review",
  "session.declined": "Declined",
};

const subscribedEventsSchema = z
  .array(z.enum(webhookEventNames, { error: `Use one of: ${webhookEventNames.join(", ")}` }))
  .min(1, "Subscribe to at least one event")
  .transform((events) => [...new Set(events)]);

const urlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), "Use an http:// or https:// URL");

export const createDestinationSchema = z.object({
  label: z.string().trim().min(1, "Give the destination a label").max(200),
  url: urlSchema,
  enabled: z.boolean().default(true),
  subscribed_events: subscribedEventsSchema.default(defaultSubscribedEvents),
});
export type CreateDestinationInput = z.infer<typeof createDestinationSchema>;

export const updateDestinationSchema = z
  .object({
    label: z.string().trim().min(1).max(200).optional(),
    url: urlSchema.optional(),
    enabled: z.boolean().optional(),
    subscribed_events: subscribedEventsSchema.optional(),
  })
  .strict();
export type UpdateDestinationInput = z.infer<typeof updateDestinationSchema>;

// Body of rotate-secret is optional; the grace period is capped at a week so an old secret cannot linger.
export const rotateSecretSchema = z
  .object({ previous_secret_valid_hours: z.number().min(0).max(168).default(24) })
  .default({ previous_secret_valid_hours: 24 });
export type RotateSecretInput = z.infer<typeof rotateSecretSchema>;

// Shape of the stored subscribedEvents JSON column, re-validated on read so a bad row cannot widen a
// subscription.
export const storedEventsSchema = z.array(z.enum(webhookEventNames)).catch([]);

export const listDeliveriesQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });
