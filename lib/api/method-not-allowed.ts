import { errorResponse } from "@/lib/api/error-response";
import { AppError } from "@/lib/errors";

// For route files: the methods a path does not serve answer 405 JSON (with Allow), never an HTML page.
export function methodNotAllowed(allowed: string[]) {
  return async () => errorResponse(new AppError("method_not_allowed", `Use ${allowed.join(" or ")} on this path.`, { headers: { Allow: allowed.join(", ") } }));
}
