import { withApiKey } from "@/lib/auth/with-api-key";
import { AppError } from "@/lib/errors";

// ANY /v3/* not served by a more specific route – JSON 404 (after the key check, so unknown callers
// learn nothing about which routes exist)
const notFound = withApiKey(async (req) => {
  throw new AppError("not_found", `No API route ${req.method} ${new URL(req.url).pathname}. The API reference is at /docs/api.`);
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
