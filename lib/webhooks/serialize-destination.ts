import { storedEventsSchema } from "@/lib/webhooks/schemas";

type DestinationRow = {
  id: string;
  label: string;
  url: string;
  enabled: boolean;
  subscribedEvents: unknown;
  disabledReason: string | null;
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

// API shape of a destination. The secret appears only when passed (create and rotate responses): list
// and get never return it, so a leaked API key cannot be used to forge deliveries to the customer.
export function serializeDestination(row: DestinationRow, secret?: string) {
  const graceOpen = row.previousSecretExpiresAt && row.previousSecretExpiresAt.getTime() > Date.now();
  return {
    id: row.id,
    label: row.label,
    url: row.url,
    enabled: row.enabled,
    subscribed_events: storedEventsSchema.parse(row.subscribedEvents),
    disabled_reason: row.disabledReason,
    previous_secret_expires_at: graceOpen ? row.previousSecretExpiresAt!.toISOString() : null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    ...(secret ? { secret_shared_key: secret } : {}),
  };
}
