// npm run bench:load — POST /v3/face-match/ under load over HTTP against the real server (two 1-3 MP
// JPEGs per request, multipart, like a customer backend): sustained phase at concurrency 8, then an
// overload phase far above capacity to show requests being shed with 503 + Retry-After instead of
// timing out (the clients honour Retry-After). The per-key rate limit is raised for the run: this measures capacity, not the limit.
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import sharp from "sharp";
import { facesDir } from "../../e2e/support/datasets";
import { startTestServer } from "../../e2e/support/test-server";

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const seconds = arg("seconds", 20);
const concurrency = arg("concurrency", 8);
const overload = arg("overload", 48);

async function upscale(file: string, width: number): Promise<Buffer> {
  return sharp(readFileSync(path.join(facesDir, file))).resize({ width }).jpeg({ quality: 90 }).toBuffer();
}

// One multipart body, encoded once and sent by every request over keep-alive connections, like
// autocannon: the load generator shares the server's 2 cores, so it must cost little (~2 ms a request).
function multipartBody(files: Record<string, Buffer>): { body: Buffer; contentType: string } {
  const boundary = `----faceid-load-${Date.now()}`;
  const parts = Object.entries(files).map(([name, bytes]) =>
    Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${name}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), bytes, Buffer.from("\r\n")]),
  );
  return { body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]), contentType: `multipart/form-data; boundary=${boundary}` };
}

const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] : NaN);

// CPU time of a process (all its threads) in ms, from /proc; undefined where there is no /proc.
function processCpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

// Resident memory of a process now (VmRSS) or at its peak (VmHWM), in MB; undefined where there is no /proc.
function processRssMb(pid: number, field: "VmRSS" | "VmHWM"): number | undefined {
  try {
    const kb = new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
function post(url: URL, request: { body: Buffer; contentType: string }): Promise<{ status: number; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: "/v3/face-match/", method: "POST", agent, headers: { "x-api-key": "load-key-0123456789abcdefgh", "content-type": request.contentType, "content-length": request.body.length } },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers["retry-after"] }));
      },
    );
    req.on("error", reject);
    req.end(request.body);
  });
}

async function phase(base: string, request: { body: Buffer; contentType: string }, workers: number, durationS: number) {
  const url = new URL(base);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let retryAfter = 0;
  const end = Date.now() + durationS * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (Date.now() < end) {
        const t0 = performance.now();
        try {
          const res = await post(url, request);
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          if (res.status === 200) latencies.push(performance.now() - t0);
          else if (res.retryAfter) {
            // a well-behaved client waits as told before trying again
            retryAfter++;
            await new Promise((r) => setTimeout(r, Number(res.retryAfter) * 1000));
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
const request = multipartBody({ user_image: images[0], ref_image: images[1] });
const server = await startTestServer({ env: { SEED_API_KEY: "load-key-0123456789abcdefgh", RATE_LIMIT_PER_MINUTE: "1000000", LOG_LEVEL: "warn" } });
try {
  const rss: { phase: string; mb: number | undefined }[] = [{ phase: "started", mb: processRssMb(server.pid, "VmRSS") }];
  await phase(server.url, request, 2, 3); // warm-up
  rss.push({ phase: "warmed up", mb: processRssMb(server.pid, "VmRSS") });
  const cpu0 = processCpuMs(server.pid);
  const client0 = process.cpuUsage();
  const steady = await phase(server.url, request, concurrency, seconds);
  const cpu1 = processCpuMs(server.pid);
  rss.push({ phase: "after the sustained phase", mb: processRssMb(server.pid, "VmRSS") });
  const client = process.cpuUsage(client0);
  const served = steady.latencies.length;
  console.log(`face match, ${(images[0].length / 1024).toFixed(0)} KB + ${(images[1].length / 1024).toFixed(0)} KB JPEGs, concurrency ${concurrency}, ${seconds} s`);
  console.log(`  ${steady.rate.toFixed(1)} req/s   p50 ${pct(steady.latencies, 50).toFixed(0)} ms  p95 ${pct(steady.latencies, 95).toFixed(0)} ms  p99 ${pct(steady.latencies, 99).toFixed(0)} ms   statuses ${JSON.stringify(steady.statuses)}`);
  if (cpu0 !== undefined && cpu1 !== undefined && served) console.log(`  CPU per request: server ${((cpu1 - cpu0) / served).toFixed(0)} ms (all threads), load client ${((client.user + client.system) / 1000 / served).toFixed(1)} ms`);
  const over = await phase(server.url, request, overload, 10);
  rss.push({ phase: "after overload", mb: processRssMb(server.pid, "VmRSS") });
  console.log(`overload: concurrency ${overload}, 10 s`);
  console.log(`  ${over.rate.toFixed(1)} req/s served   p99 of served ${pct(over.latencies, 99).toFixed(0)} ms   statuses ${JSON.stringify(over.statuses)}   shed with Retry-After: ${over.retryAfter}`);
  const peak = processRssMb(server.pid, "VmHWM");
  if (peak !== undefined) console.log(`server RSS: ${rss.map((r) => `${r.phase} ${r.mb?.toFixed(0)} MB`).join(", ")}; peak ${peak.toFixed(0)} MB`);
} finally {
  await server.stop();
}
