// The route a request matched, as written in app/ ("/v3/session/[id]/decision/"), from its path and
// the params Next.js resolved: a metric label per route, not per session id or token. Each segment
// equal to a param's value becomes [name]; the segments of a catch-all become one [...name].
export function routePattern(pathname: string, params: Record<string, string | string[]> | undefined): string {
  const names = new Map<string, string>();
  for (const [name, value] of Object.entries(params ?? {})) {
    if (Array.isArray(value)) for (const part of value) names.set(part, `[...${name}]`);
    else names.set(value, `[${name}]`);
  }
  if (names.size === 0) return pathname;
  return pathname
    .split("/")
    .map((segment) => {
      let decoded = segment;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        // a malformed escape stays as it is
      }
      return names.get(decoded) ?? segment;
    })
    // a catch-all is one label however deep the path (/v3/[...path]), or labels would grow with it
    .filter((segment, i, all) => !(segment.startsWith("[...") && all[i - 1] === segment))
    .join("/");
}
