import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// Walks up from the repo like Node's resolver, but to the package folder itself: the model
// packages' "exports" maps do not expose their model files to require.resolve.
export function resolvePackageDir(name: string): { dir: string; version: string } {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) {
      const pkg = JSON.parse(readFileSync(join(candidate, "package.json"), "utf8")) as { version: string };
      return { dir: candidate, version: pkg.version };
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`package ${name} is not installed; run npm install`);
    dir = parent;
  }
}
