// npm start: make sure the clients, models and build are current, then serve console, hosted pages and
// the /v3 API on PORT (3000). Migrations and first-start seeding run inside the server (instrumentation.ts).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { fingerprintFile, nextBin, root, runOrExit, sourceFingerprint } from "./lib.mjs";

if (existsSync(join(root, ".env"))) process.loadEnvFile(join(root, ".env"));

if (!existsSync(join(root, "lib", "generated", "sqlite", "client.ts"))) {
  await runOrExit(process.execPath, [join(root, "scripts", "postinstall.mjs")]);
}
// Models: converted during npm install; this re-checks them (a no-op in well under a second when current).
await runOrExit(join(root, "node_modules", ".bin", "tsx"), [join(root, "models", "scripts", "prepare.ts")]);

const built = existsSync(fingerprintFile) ? readFileSync(fingerprintFile, "utf8") : "";
if (process.env.SKIP_BUILD !== "1" && built !== sourceFingerprint()) {
  console.log("Building the app (first start or sources changed)…");
  await runOrExit(process.execPath, [join(root, "scripts", "build.mjs")]);
}

const port = process.env.PORT ?? "3000";
const host = process.env.HOST ?? "0.0.0.0";
const server = spawn(process.execPath, [nextBin, "start", "-p", port, "-H", host], {
  cwd: root,
  stdio: "inherit",
  // glibc gives every thread that allocates (inference workers, libvips decoding) its own malloc
  // arena; two bound the fragmentation: ~800 instead of ~1000 MB peak RSS under bench:load.
  env: { MALLOC_ARENA_MAX: "2", ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
