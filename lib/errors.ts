// One error type for the whole app. Route handlers turn it into the API's JSON error shape
// ({"error": {"code", "message", "field"?}}) with the status from this map.
export const errorStatus = {
  validation_error: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_image: 422,
  image_too_large: 422,
  unprocessable: 422,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

// A bundler may load this module more than once (Next puts the routes and the vision pool that
// rethrows a worker's errors in different chunks), and instanceof fails across copies: the brand
// is a registered symbol, the same in every copy.
const APP_ERROR = Symbol.for("faceid.app-error");

export class AppError extends Error {
  readonly [APP_ERROR] = true;
  readonly code: ErrorCode;
  readonly field?: string;
  readonly headers?: Record<string, string>;
  // machine-readable facts for the client, e.g. when a conflicting decision was made (shown in its time zone)
  readonly details?: Record<string, string | number | null>;

  constructor(code: ErrorCode, message: string, options: { field?: string; headers?: Record<string, string>; details?: Record<string, string | number | null> } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.field = options.field;
    this.headers = options.headers;
    this.details = options.details;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError || (typeof error === "object" && error !== null && (error as { [APP_ERROR]?: boolean })[APP_ERROR] === true);
}
