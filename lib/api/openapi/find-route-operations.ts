import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type RouteOperation = { path: string; method: string; file: string };

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
// a binding that only answers 405 (methodNotAllowed(...) or a handler throwing method_not_allowed)
const NOT_ALLOWED = /methodNotAllowed\(|"method_not_allowed"/;

// Top-level statements of a route file, good enough for the plain export style route handlers use.
function statements(source: string): string[] {
  return source.split(/\n(?=\S)/);
}

// The methods a route file really serves: its exported HTTP method names, minus those bound to a
// 405 handler (directly, through an alias `export const PUT = GET`, or `export { notAllowed as PUT }`).
export function findServedMethods(source: string): string[] {
  const notAllowed = new Set<string>();
  const exported = new Map<string, string>();
  for (const statement of statements(source)) {
    const binding = /^(?:export\s+)?(?:const|let)\s+(\w+)\s*=\s*([\s\S]*)$/.exec(statement);
    if (binding) {
      const [, name, init] = binding;
      const alias = /^(\w+);?\s*$/.exec(init.trim())?.[1];
      if (NOT_ALLOWED.test(init) || (alias && notAllowed.has(alias))) notAllowed.add(name);
      if (statement.startsWith("export")) exported.set(name, name);
    }
    const fn = /^export\s+(?:async\s+)?function\s+(\w+)/.exec(statement);
    if (fn) exported.set(fn[1], fn[1]);
    const list = /^export\s*\{([^}]*)\}/.exec(statement);
    if (list) {
      for (const part of list[1].split(",")) {
        const [local, as] = part.trim().split(/\s+as\s+/);
        if (local) exported.set(as ?? local, local);
      }
    }
  }
  return METHODS.filter((m) => exported.has(m) && !notAllowed.has(exported.get(m)!));
}

// Every route.ts under `dir` (app/v3) as API paths: [id] -> {id}, route groups dropped, the optional
// catch-all ([[...path]], the JSON 404 for unknown paths) left out.
export function findRouteOperations(input: { dir: string; base: string }): RouteOperation[] {
  const found: RouteOperation[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith("[[...")) continue;
        const segment = entry.name.startsWith("(") ? null : entry.name.replace(/^\[(\w+)\]$/, "{$1}");
        walk(path.join(dir, entry.name), segment ? [...segments, segment] : segments);
      } else if (entry.name === "route.ts") {
        const file = path.join(dir, entry.name);
        const last = segments.at(-1) ?? "";
        // folders named like files (openapi.json) are served without a trailing slash
        const apiPath = `${input.base}/${segments.join("/")}${segments.length && !last.includes(".") ? "/" : ""}`;
        for (const method of findServedMethods(readFileSync(file, "utf8"))) found.push({ path: apiPath, method, file });
      }
    }
  };
  walk(input.dir, []);
  return found;
}
