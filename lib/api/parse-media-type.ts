// The media type of a Content-Type header ("type/subtype", lower case, parameters dropped), or null
// when the header is missing or malformed. Matching on the parsed type, never on a substring: a check
// like includes("application/json") lets `text/plain;charset=application/json` through, and text/plain
// is what a cross-site form or a no-preflight fetch can send.
const TOKEN = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;

export function parseMediaType(header: string | null | undefined): string | null {
  if (!header) return null;
  const essence = header.split(";", 1)[0].trim().toLowerCase();
  const [type, subtype, extra] = essence.split("/");
  if (extra !== undefined || !type || !subtype || !TOKEN.test(type) || !TOKEN.test(subtype)) return null;
  return `${type}/${subtype}`;
}
