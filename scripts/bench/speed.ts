// npm run bench:speed - latency and throughput of a full 1:1 face match (two 1-3 MP JPEGs,
// decode -> detect -> align -> embed -> score, as the /v3/face-match/ handler does it: the JPEG
// bytes go to the inference workers, which decode and analyse them) on this
// machine. Prints figures; not a test. BENCH_ITER (matches timed at concurrency 1), BENCH_MS
// (duration of each throughput run) and the engine's VISION_* variables change the run.
import { loadavg } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { decodeImageOrThrow } from "@/lib/media/decode-image";
import { analyzeFace, compareEmbeddings, loadVisionModels } from "@/lib/vision";
import { analyzeImageBytes } from "@/lib/vision/analyze-image-bytes";
import { datasetExists, facesDatasetDir, readPairs } from "@/lib/vision/datasets";
import { inferenceWorkers } from "@/lib/vision/model-sessions";

const dir = facesDatasetDir();
if (!datasetExists(dir)) {
  console.error(`faces dataset not found at ${dir} (set FACES_DATASET)`);
  process.exit(1);
}
const ITER = Number(process.env.BENCH_ITER ?? 120);
const THROUGHPUT_MS = Number(process.env.BENCH_MS ?? 6000);

// Colour genuine pairs, upscaled in memory to 1-3 MP (cycling 1.2, 2, 2.8 MP) and re-encoded, once.
const pairs = readPairs(dir).filter((p) => p.subset === "colour" && p.same).slice(0, 12);
const jpegs = new Map<string, Buffer>();
let k = 0;
for (const f of new Set(pairs.flatMap((p) => [p.a, p.b]))) {
  const meta = await sharp(join(dir, f)).metadata();
  const target = [1.2e6, 2e6, 2.8e6][k++ % 3];
  const s = Math.sqrt(target / (meta.width! * meta.height!));
  jpegs.set(f, await sharp(join(dir, f)).resize(Math.round(meta.width! * s)).jpeg({ quality: 90 }).toBuffer());
}
const megapixels = await Promise.all([...jpegs.values()].map(async (b) => { const m = await sharp(b).metadata(); return (m.width! * m.height!) / 1e6; }));

const cpuMs = (since: NodeJS.CpuUsage) => { const c = process.cpuUsage(since); return (c.user + c.system) / 1000; };
const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const ms = (x: number) => `${x.toFixed(1)} ms`.padStart(9);

async function faceMatch(i: number): Promise<number> {
  const p = pairs[i % pairs.length];
  const [a, b] = await Promise.all([p.a, p.b].map((f) => analyzeImageBytes({ bytes: jpegs.get(f)!, field: f, rotate: false })));
  if (!a.analysis.primary || !b.analysis.primary) throw new Error(`no face in ${p.a} or ${p.b}`);
  return compareEmbeddings(a.analysis.primary, b.analysis.primary).score;
}

const loadAtStart = loadavg()[0];
const t0 = performance.now();
await loadVisionModels();
console.log(`${jpegs.size} JPEGs, ${Math.min(...megapixels).toFixed(1)}-${Math.max(...megapixels).toFixed(1)} MP; ${pairs.length} genuine pairs; inference workers ${inferenceWorkers() || "none (event loop)"}; UV_THREADPOOL_SIZE ${process.env.UV_THREADPOOL_SIZE ?? 4}; sharp concurrency ${sharp.concurrency()}`);
console.log(`model load ${(performance.now() - t0).toFixed(0)} ms`);
for (let i = 0; i < 12; i++) await faceMatch(i); // warm-up: JIT, allocators, every worker's sessions

// Stages, one image at a time (nothing overlaps, so process CPU time belongs to the stage).
// Process CPU includes libvips and inference-worker threads.
const stages = { decode: { wall: 0, cpu: 0 }, detect: { wall: 0, cpu: 0 }, "detect+embed+quality": { wall: 0, cpu: 0 } };
const files = [...jpegs.keys()];
const STAGE_ROUNDS = 6;
for (let r = 0; r < STAGE_ROUNDS; r++)
  for (const f of files) {
    let c = process.cpuUsage(), t = performance.now();
    const image = await decodeImageOrThrow(jpegs.get(f)!);
    stages.decode.wall += performance.now() - t; stages.decode.cpu += cpuMs(c);
    c = process.cpuUsage(); t = performance.now();
    await analyzeFace(image, { embed: false });
    stages.detect.wall += performance.now() - t; stages.detect.cpu += cpuMs(c);
    c = process.cpuUsage(); t = performance.now();
    await analyzeFace(image);
    stages["detect+embed+quality"].wall += performance.now() - t; stages["detect+embed+quality"].cpu += cpuMs(c);
  }
console.log(`\nper image (mean of ${STAGE_ROUNDS * files.length}, sequential)   wall      cpu`);
for (const [name, s] of Object.entries(stages)) console.log(`  ${name.padEnd(40)} ${ms(s.wall / (STAGE_ROUNDS * files.length))} ${ms(s.cpu / (STAGE_ROUNDS * files.length))}`);

const lat: number[] = [];
const cpu0 = process.cpuUsage();
for (let i = 0; i < ITER; i++) {
  const t = performance.now();
  await faceMatch(i);
  lat.push(performance.now() - t);
}
// CPU time per match is what a busy shared machine distorts least: 2 idle cores give 2000 / it.
const cpuPerMatch = cpuMs(cpu0) / ITER;
lat.sort((a, b) => a - b);
console.log(`\nface match, decode to score, concurrency 1 (${ITER} matches)`);
console.log(`  latency  p50 ${ms(quantile(lat, 0.5))}  p95 ${ms(quantile(lat, 0.95))}  p99 ${ms(quantile(lat, 0.99))}  max ${ms(lat[lat.length - 1])}`);
console.log(`  CPU per match ${ms(cpuPerMatch)} (all threads) -> at most ${(2000 / cpuPerMatch).toFixed(1)} matches/s on 2 idle cores`);

console.log(`\nthroughput (${THROUGHPUT_MS / 1000} s each)`);
for (const concurrency of [1, 2, 4]) {
  let done = 0;
  const times: number[] = [];
  const c = process.cpuUsage();
  const start = performance.now();
  const end = start + THROUGHPUT_MS;
  await Promise.all(Array.from({ length: concurrency }, async (_, w) => {
    for (let i = w; performance.now() < end; i += concurrency) {
      const t = performance.now();
      await faceMatch(i);
      times.push(performance.now() - t);
      done++;
    }
  }));
  const seconds = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  console.log(`  concurrency ${concurrency}: ${(done / seconds).toFixed(1).padStart(5)} matches/s  latency p50 ${ms(quantile(times, 0.5))}  p99 ${ms(quantile(times, 0.99))}  CPU ${ms(cpuMs(c) / done)}/match`);
}
console.log(`\npeak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
const loadAtEnd = loadavg()[0];
// Other processes on the machine show up here: wall-clock figures mean little above ~0.5 at the start.
console.log(`load average (1 min) ${loadAtStart.toFixed(2)} at start, ${loadAtEnd.toFixed(2)} at end`);
