import type { z } from "zod";

// One documented operation. Path parameters are written {id} as the route folders name them ([id]).
// `errors` lists the statuses that answer with the error shape; `responses` the successful ones.
export type Operation = {
  method: "get" | "post" | "patch" | "delete";
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  pathParams?: Record<string, string>;
  query?: z.ZodObject;
  body?: { kind: "json" | "multipart"; schema: z.ZodType; required?: boolean; description?: string };
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
  errors: number[];
  /** no x-api-key needed */
  public?: boolean;
};

// Statuses every keyed operation can answer: a missing or wrong key, too many requests, our fault.
export const keyed = [401, 429, 500];
// A JSON body: invalid (400), too slow (408), over 2 MB (413), not application/json (415).
export const jsonBody = [400, 408, 413, 415];
// A multipart upload: the above, an image that is not one or is too large in pixels (422), at capacity (503).
export const upload = [400, 408, 413, 415, 422, 503];
