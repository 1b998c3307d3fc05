import { NextResponse } from "next/server";
import { zodToAppError } from "@/lib/api/error-response";
import { withApiKey } from "@/lib/auth/with-api-key";
import { getDb } from "@/lib/db";
import { listDeliveries } from "@/lib/webhooks/list-deliveries";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { listDeliveriesQuerySchema } from "@/lib/webhooks/schemas";

// GET /v3/webhook/destinations/{id}/deliveries/?limit= – recent deliveries with every attempt
export const GET = withApiKey(async (req, ctx, route) => {
  const { id } = (await route.params) as { id: string };
  const query = listDeliveriesQuerySchema.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!query.success) throw zodToAppError(query.error);
  return NextResponse.json({ data: await listDeliveries(getDb(), { applicationId: ctx.application.id, destinationId: id, limit: query.data.limit }) });
});

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
