import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tests live beside the code; integration tests (real server on a free port) in e2e/api.
// Playwright specs (e2e/browser/*.spec.ts) are run by Playwright, never by vitest.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL(".", import.meta.url)) } },
  test: {
    include: ["lib/**/*.test.ts", "models/**/*.test.ts", "components/**/*.test.ts", "e2e/api/**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/browser/**"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    // the inference worker runs the engine from a bundle of lib/vision: rebuilt before every run
    globalSetup: ["scripts/bundle-vision-worker.mjs"],
    // integration tests: every /v3 response is checked against the OpenAPI document
    setupFiles: ["e2e/support/check-api-responses.ts"],
  },
});
