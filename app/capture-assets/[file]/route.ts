import { readFile } from "node:fs/promises";
import path from "node:path";

// The hosted page's in-browser face detector: onnxruntime-web's wasm build (single-threaded, no
// bundler involved) and the same BlazeFace model the server runs. Exact names only, never a path.
const ortDist = path.join(process.cwd(), "node_modules", "onnxruntime-web", "dist");
const assets: Record<string, { file: string; type: string }> = {
  "ort.wasm.min.mjs": { file: path.join(ortDist, "ort.wasm.min.mjs"), type: "text/javascript; charset=utf-8" },
  "ort-wasm-simd-threaded.mjs": { file: path.join(ortDist, "ort-wasm-simd-threaded.mjs"), type: "text/javascript; charset=utf-8" },
  "ort-wasm-simd-threaded.wasm": { file: path.join(ortDist, "ort-wasm-simd-threaded.wasm"), type: "application/wasm" },
  "blazeface.onnx": { file: path.join(process.cwd(), "models", "onnx", "blazeface.onnx"), type: "application/octet-stream" },
};

// Read once per process and kept in memory (about 15 MB); `next start` gzips the responses itself
// (the wasm goes out as 3.7 MB), so the route must not compress a second time.
const cache = new Map<string, Promise<Buffer>>();
const load = (name: string) => readFile(/* turbopackIgnore: true */ assets[name].file);

// GET /capture-assets/{file} – static detector assets for the hosted capture page
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (!Object.hasOwn(assets, file)) return new Response("Not found", { status: 404 });
  let entry = cache.get(file);
  if (!entry) {
    entry = load(file);
    cache.set(file, entry);
    entry.catch(() => cache.delete(file));
  }
  let body: Buffer;
  try {
    body = await entry;
  } catch {
    return new Response("Not available", { status: 404 });
  }
  const headers: Record<string, string> = {
    "Content-Type": assets[file].type,
    // the names are not content-hashed, but they only change with a dependency or model upgrade
    "Cache-Control": "public, max-age=604800, stale-while-revalidate=86400",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
  return new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length), { headers });
}
