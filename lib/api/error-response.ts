import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { AppError, isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

// The API's one error shape: {"error": {"code", "message", "field"?, "details"?}}. Unknown errors become a 500
// without internals; the details go to the server log only.
export function errorResponse(error: AppError): NextResponse {
  const body = { error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}), ...(error.details ? { details: error.details } : {}) } };
  return NextResponse.json(body, { status: error.status, headers: error.headers });
}

export function zodToAppError(error: ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.length ? issue.path.join(".") : undefined;
  const message = issue ? `${field ? `${field}: ` : ""}${issue.message}` : "Invalid request";
  return new AppError("validation_error", message, { field });
}

export function handleApiError(error: unknown): NextResponse {
  if (isAppError(error)) return errorResponse(error);
  if (error instanceof ZodError) return errorResponse(zodToAppError(error));
  logger.error("unhandled error in API route", { error: error instanceof Error ? error.stack ?? error.message : String(error) });
  return errorResponse(new AppError("internal_error", "Something went wrong on our side. Try again; if it persists, contact the operator."));
}
