import type { NextRequest } from "next/server";
import { handleApiError } from "@/lib/api/error-response";
import { getConsoleUser, type ConsoleUser } from "@/lib/auth/get-console-user";
import { hasRole, type Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";

type RouteParams = { params: Promise<Record<string, string | string[]>> };
type Handler = (req: NextRequest, user: ConsoleUser, route: RouteParams) => Promise<Response>;

// Internal endpoints for the console: a signed-in console user with at least `role`.
export function withConsoleSession(role: Role, handler: Handler) {
  return async (req: NextRequest, route: RouteParams): Promise<Response> => {
    try {
      const user = await getConsoleUser();
      if (!user) throw new AppError("unauthorized", "Sign in to the console first.");
      if (!hasRole(user.role, role)) throw new AppError("forbidden", `This action needs the ${role} role.`);
      return await handler(req, user, route);
    } catch (error) {
      return handleApiError(error);
    }
  };
}
