import { statusForSessionEvent, type WebhookEventName } from "@/lib/webhooks/schemas";

// Does a destination subscribed to `subscribed` want an event of `type` carrying session `status`?
// The seed names (session.verified, ...) select status.updated events by the status they announce.
export function matchSubscription(input: { subscribed: readonly WebhookEventName[]; type: string; status?: string | null }): boolean {
  return input.subscribed.some((name) => {
    if (name === input.type) return true;
    const status = statusForSessionEvent[name];
    return status !== undefined && input.type === "status.updated" && input.status === status;
  });
}
