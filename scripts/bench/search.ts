// Benchmarks the in-memory 1:N face index (lib/search): build time, memory and per-query latency
// for 100k random unit vectors at D=128 (dlib) and D=512 (ArcFace-style).
// Usage: npm run bench:search [-- --count=100000 --queries=200 --dims=128,512 --k=5]
import os from "node:os";
import { FaceIndex } from "@/lib/search/face-index";
import { createRandomUnitVectors } from "@/lib/search/random-unit-vectors";
import type { FaceIndexInput } from "@/lib/search/types";

function readArg(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  return process.argv.find((arg) => arg.startsWith(prefix))?.slice(prefix.length) ?? fallback;
}

const count = Number(readArg("count", "100000"));
const queryCount = Number(readArg("queries", "200"));
const dims = readArg("dims", "128,512").split(",").map(Number);
const k = Number(readArg("k", "5"));
const WARMUP = 20;
const BATCH = 1_000;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const ms = (value: number) => `${value.toFixed(2)} ms`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function timeQueries(index: FaceIndex, queries: Float32Array, dimension: number, options: Parameters<FaceIndex["search"]>[1]) {
  const total = queries.length / dimension;
  for (let i = 0; i < Math.min(WARMUP, total); i++) index.search(queries.subarray(i * dimension, (i + 1) * dimension), options);
  const latencies: number[] = [];
  for (let i = 0; i < total; i++) {
    const query = queries.subarray(i * dimension, (i + 1) * dimension);
    const started = performance.now();
    index.search(query, options);
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) };
}

function benchDimension(dimension: number) {
  const vectors = createRandomUnitVectors({ count, dimension, seed: dimension });
  const queries = createRandomUnitVectors({ count: queryCount, dimension, seed: dimension + 1 });
  globalThis.gc?.();
  const before = process.memoryUsage();

  const index = new FaceIndex({ dimension });
  const started = performance.now();
  for (let start = 0; start < count; start += BATCH) {
    const batch: FaceIndexInput[] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      batch.push({
        id: `face-${i}`,
        kind: i % 10 === 0 ? "list" : "session",
        refId: `ref-${i}`,
        vendorData: `user-${i}`,
        listKind: i % 10 === 0 ? "blocklist" : undefined,
        embedding: vectors.subarray(i * dimension, (i + 1) * dimension),
      });
    }
    index.add(batch);
  }
  const buildMs = performance.now() - started;
  globalThis.gc?.();
  const after = process.memoryUsage();
  // Keeps the source vectors alive until after the measurement, so their release does not hide the index's own memory.
  if (vectors.length === 0) throw new Error("no vectors");

  const plain = timeQueries(index, queries, dimension, { k });
  const filtered = timeQueries(index, queries, dimension, { k, filter: { listKind: "blocklist" } });
  return { dimension, buildMs, heap: after.heapUsed - before.heapUsed, arrays: after.arrayBuffers - before.arrayBuffers, rss: after.rss, plain, filtered };
}

console.log(`face index benchmark: ${count} faces, ${queryCount} queries (k=${k}), node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}`);
if (!globalThis.gc) console.log("(run with --expose-gc for tighter memory figures)");
for (const dimension of dims) {
  const r = benchDimension(dimension);
  console.log(
    `D=${r.dimension}: build ${ms(r.buildMs)} | vectors+metadata: typed arrays ${mb(r.arrays)}, JS heap ${mb(r.heap)} | process RSS ${mb(r.rss)}\n` +
      `  search          p50 ${ms(r.plain.p50)}  p95 ${ms(r.plain.p95)}  p99 ${ms(r.plain.p99)}\n` +
      `  search+filter   p50 ${ms(r.filtered.p50)}  p95 ${ms(r.filtered.p95)}  p99 ${ms(r.filtered.p99)}  (blocklist entries only, 10%)`,
  );
}
