// Shared by the npm scripts (postinstall, build, start, test): small process and file helpers.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const bin = (name) => join(root, "node_modules", ".bin", name);
export const nextBin = join(root, "node_modules", "next", "dist", "bin", "next");

export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", ...options, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...options.env } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(1));
  });
}

export async function runOrExit(command, args, options) {
  const code = await run(command, args, options);
  if (code !== 0) {
    console.error(`\n✖ ${[command, ...args].map((a) => relative(root, a) || a).join(" ")} exited with ${code}`);
    process.exit(code);
  }
}

const SOURCES = ["app", "components", "lib", "public", "instrumentation.ts", "proxy.ts", "next.config.ts", "postcss.config.mjs", "tsconfig.json", "package.json"];
const SKIP = new Set(["node_modules", ".next", "generated"]);

function walk(path, out) {
  if (!existsSync(path)) return;
  const st = statSync(path);
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) if (!SKIP.has(name) && !name.endsWith(".test.ts")) walk(join(path, name), out);
  } else {
    out.push(`${relative(root, path)}:${st.size}:${Math.floor(st.mtimeMs)}`);
  }
}

// Changes to anything the Next build reads make `npm start` rebuild; otherwise it starts at once.
export function sourceFingerprint() {
  const entries = [];
  for (const s of SOURCES) walk(join(root, s), entries);
  return createHash("sha256").update(entries.join("\n")).digest("hex");
}

export const fingerprintFile = join(root, process.env.NEXT_DIST_DIR || ".next", "faceid-source-fingerprint");
