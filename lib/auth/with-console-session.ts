import type { NextRequest } from "next/server";
import { handleApiError } from "@/lib/api/error-response";
import { checkBodyTypeOrThrow, type BodyType } from "@/lib/auth/check-body-type";
import { checkRequestOriginOrThrow } from "@/lib/auth/check-request-origin";
import { getConsoleUser, type ConsoleUser } from "@/lib/auth/get-console-user";
import { hasRole, type Role } from "@/lib/auth/roles";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { withRequestMetrics } from "@/lib/metrics/with-request-metrics";

type RouteParams = { params: Promise<Record<string, string | string[]>> };
type Handler = (req: NextRequest, user: ConsoleUser, route: RouteParams) => Promise<Response>;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

// Internal endpoints for the console: a signed-in console user with at least `role`. Every change
// (any method but GET/HEAD/OPTIONS) must also come from the console's own origin and carry JSON (or,
// where a route takes uploads, multipart): checked here, before the session, so no route can forget
// it (check-request-origin.ts, check-body-type.ts).
export function withConsoleSession(role: Role, handler: Handler, options: { accepts?: readonly BodyType[] } = {}) {
  return withRequestMetrics(async (req: NextRequest, route: RouteParams): Promise<Response> => {
    try {
      if (!SAFE_METHODS.has(req.method)) {
        checkRequestOriginOrThrow(req.headers, getEnv().publicUrl);
        checkBodyTypeOrThrow(req.headers, options.accepts ?? ["application/json"]);
      }
      const user = await getConsoleUser();
      if (!user) throw new AppError("unauthorized", "Sign in to the console first.");
      if (!hasRole(user.role, role)) throw new AppError("forbidden", `This action needs the ${role} role.`);
      return await handler(req, user, route);
    } catch (error) {
      return handleApiError(error);
    }
  });
}
