import NextAuth from "next-auth";
import { handleApiError } from "@/lib/api/error-response";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { checkRequestOriginOrThrow } from "@/lib/auth/check-request-origin";
import { getEnv } from "@/lib/env";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: RouteContext) {
  return NextAuth(req as never, { params: await ctx.params } as never, getAuthOptions());
}

// GET /api/auth/* – next-auth: CSRF token, session, providers
export { handler as GET };

// POST /api/auth/* – next-auth: credentials sign-in, sign-out. next-auth checks its own CSRF token;
// the origin check keeps other sites (including sibling subdomains) from posting here at all.
export async function POST(req: Request, ctx: RouteContext) {
  try {
    checkRequestOriginOrThrow(req.headers, getEnv().publicUrl);
  } catch (error) {
    return handleApiError(error);
  }
  return handler(req, ctx);
}
