import { z } from "zod";

// Depth of a parsed JSON value, giving up once past `limit` so a hostile value never recurses deeper.
function depthExceeds(value: unknown, limit: number, depth = 1): boolean {
  if (value === null || typeof value !== "object") return false;
  if (depth > limit) return true;
  return Object.values(value).some((v) => depthExceeds(v, limit, depth + 1));
}

// A free-form JSON object from the customer (metadata, contact details) that is stored, echoed in every
// decision and webhook and signed recursively: bounded in nesting and in size so it cannot become a
// stack overflow or a multi-megabyte payload on every delivery.
export function jsonObjectSchema(input: { maxDepth: number; maxBytes: number; name: string }) {
  return z
    .record(z.string(), z.unknown())
    .refine((v) => !depthExceeds(v, input.maxDepth), { message: `${input.name} nests more than ${input.maxDepth} levels deep`, abort: true })
    .refine((v) => Buffer.byteLength(JSON.stringify(v)) <= input.maxBytes, `${input.name} is larger than ${Math.round(input.maxBytes / 1024)} KB as JSON`);
}
