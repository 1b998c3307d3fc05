import type { Db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { claimDueDeliveries } from "@/lib/webhooks/claim-due-deliveries";
import { deliverOne } from "@/lib/webhooks/deliver-one";
import type { WebhookSettings } from "@/lib/webhooks/settings";

// One worker pass: claim a batch of due deliveries and send them concurrently. Returns how many were
// claimed, so the worker loops at once while the backlog lasts and sleeps when it is empty.
export async function deliverDueWebhooks(db: Db, input: { workerId: string; settings: WebhookSettings; limit?: number }): Promise<number> {
  const limit = input.limit ?? 25;
  // the lease outlasts the longest attempt with margin, so a slow receiver never makes it claimable twice
  const { token, ids } = await claimDueDeliveries(db, { workerId: input.workerId, limit, leaseMs: input.settings.leaseMs });
  await Promise.all(
    ids.map((deliveryId) =>
      deliverOne(db, { deliveryId, token, settings: input.settings }).catch((error: unknown) => {
        logger.error("webhook attempt crashed", { deliveryId, error: error instanceof Error ? error.message : String(error) });
      }),
    ),
  );
  return ids.length;
}
