import { cookies } from "next/headers";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const APPLICATION_COOKIE = "faceid_app";

// The application the console is looking at: the one chosen (cookie) if it exists, else the oldest.
export async function getConsoleApplication() {
  const db = getDb();
  const chosen = (await cookies()).get(APPLICATION_COOKIE)?.value;
  const app = (chosen && (await db.application.findUnique({ where: { id: chosen } }))) || (await db.application.findFirst({ orderBy: { createdAt: "asc" } }));
  if (!app) throw new AppError("service_unavailable", "No application exists yet; the server has not finished starting.");
  return app;
}
