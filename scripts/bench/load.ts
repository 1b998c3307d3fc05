// npm run bench:load — POST /v3/face-match/ under load over HTTP against the real server (two 1-3 MP
// JPEGs per request, multipart, like a customer backend): sustained phase at concurrency 8, then an
// overload phase far above capacity to show requests being shed with 503 + Retry-After instead of
// timing out (the clients honour Retry-After). The per-key rate limit is raised for the run: this measures capacity, not the limit.
import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { facesDir } from "../../e2e/support/datasets";
import { startTestServer } from "../../e2e/support/test-server";

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const seconds = arg("seconds", 20);
const concurrency = arg("concurrency", 8);
const overload = arg("overload", 48);

async function upscale(file: string, width: number): Promise<Blob> {
  const jpeg = await sharp(readFileSync(path.join(facesDir, file))).resize({ width }).jpeg({ quality: 90 }).toBuffer();
  return new Blob([new Uint8Array(jpeg)], { type: "image/jpeg" });
}

const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] : NaN);

async function phase(url: string, images: Blob[], workers: number, durationS: number) {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let retryAfter = 0;
  const end = Date.now() + durationS * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (Date.now() < end) {
        const form = new FormData();
        form.append("user_image", images[0], "a.jpg");
        form.append("ref_image", images[1], "b.jpg");
        const t0 = performance.now();
        try {
          const res = await fetch(`${url}/v3/face-match/`, { method: "POST", headers: { "x-api-key": "load-key" }, body: form });
          await res.arrayBuffer();
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (res.status === 200) latencies.push(performance.now() - t0);
          else if (res.headers.get("retry-after")) {
            // a well-behaved client waits as told before trying again
            retryAfter++;
            await new Promise((r) => setTimeout(r, Number(res.headers.get("retry-after")) * 1000));
          }
        } catch {
          statuses.network_error = (statuses.network_error ?? 0) + 1;
        }
      }
    }),
  );
  return { latencies, statuses, retryAfter, rate: latencies.length / durationS };
}

const images = [await upscale("images/deepface-01/2.jpg", 1600), await upscale("images/deepface-01/1.jpg", 1400)];
const server = await startTestServer({ env: { SEED_API_KEY: "load-key", RATE_LIMIT_PER_MINUTE: "1000000", LOG_LEVEL: "warn" } });
try {
  await phase(server.url, images, 2, 3); // warm-up
  const steady = await phase(server.url, images, concurrency, seconds);
  console.log(`face match, ${(images[0].size / 1024).toFixed(0)} KB + ${(images[1].size / 1024).toFixed(0)} KB JPEGs, concurrency ${concurrency}, ${seconds} s`);
  console.log(`  ${steady.rate.toFixed(1)} req/s   p50 ${pct(steady.latencies, 50).toFixed(0)} ms  p95 ${pct(steady.latencies, 95).toFixed(0)} ms  p99 ${pct(steady.latencies, 99).toFixed(0)} ms   statuses ${JSON.stringify(steady.statuses)}`);
  const over = await phase(server.url, images, overload, 10);
  console.log(`overload: concurrency ${overload}, 10 s`);
  console.log(`  ${over.rate.toFixed(1)} req/s served   p99 of served ${pct(over.latencies, 99).toFixed(0)} ms   statuses ${JSON.stringify(over.statuses)}   shed with Retry-After: ${over.retryAfter}`);
} finally {
  await server.stop();
}
