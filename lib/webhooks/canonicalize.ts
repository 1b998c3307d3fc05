// The canonical form behind X-Signature-V2, and the exact bytes every delivery body is sent as: object
// keys sorted recursively, whole-number floats written as integers (1.0 -> 1), compact JSON.stringify,
// non-ASCII characters written as themselves (UTF-8), not as \u escapes. Pure: receivers and tests use it.
export function canonicalize(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new Error("Webhook payloads cannot contain NaN or Infinity");
    if (typeof value === "bigint") throw new Error("Webhook payloads cannot contain bigint values");
    // JSON.stringify already writes 1.0 as 1 and -0 as 0: JavaScript numbers carry no float/int tag.
    return value;
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortKeys(item)));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined && typeof item !== "function") out[key] = sortKeys(item);
  }
  return out;
}
