import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/auth-options";

// GET|POST /api/auth/* – next-auth: credentials sign-in, sign-out, session
async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(req as never, { params: await ctx.params } as never, getAuthOptions());
}

export { handler as GET, handler as POST };
