import { join } from "node:path";
import sharp from "sharp";
import { analyzeFace } from "@/lib/vision/analyze-face";
import { identityOf, readPairs, type LabelledPair } from "@/lib/vision/datasets";
import type { DecodedImage } from "@/lib/vision/types";

export async function decodeFile(path: string | Buffer): Promise<DecodedImage> {
  const { data, info } = await sharp(path).rotate().removeAlpha().toColourspace("srgb").raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

/** Embedding of the primary face of every image in pairs.csv (undefined when no face was found). */
export async function embedPairImages(dir: string, pairs = readPairs(dir)): Promise<Map<string, Float32Array | undefined>> {
  const out = new Map<string, Float32Array | undefined>();
  for (const f of new Set(pairs.flatMap((p) => [p.a, p.b]))) {
    const result = await analyzeFace(await decodeFile(join(dir, f)), { rotate: true });
    out.set(f, result.primary?.embedding);
  }
  return out;
}

/**
 * Deterministic identity split: within each subset, identities in sorted order alternate between
 * "fit" and "eval". Pairs that straddle the split belong to neither.
 */
export function splitPairs(pairs: LabelledPair[]): { fit: LabelledPair[]; eval: LabelledPair[] } {
  const fold = new Map<string, "fit" | "eval">();
  for (const subset of ["colour", "chips"]) {
    const ids = [...new Set(pairs.filter((p) => p.subset === subset).flatMap((p) => [identityOf(p.a), identityOf(p.b)]))].sort();
    ids.forEach((id, i) => fold.set(id, i % 2 === 0 ? "fit" : "eval"));
  }
  const inFold = (p: LabelledPair, f: "fit" | "eval") => fold.get(identityOf(p.a)) === f && fold.get(identityOf(p.b)) === f;
  return { fit: pairs.filter((p) => inFold(p, "fit")), eval: pairs.filter((p) => inFold(p, "eval")) };
}

export function cosineOf(emb: Map<string, Float32Array | undefined>, p: LabelledPair): number {
  const a = emb.get(p.a), b = emb.get(p.b);
  // a missing face counts as a non-match, which is what the product would do
  if (!a || !b) return -1;
  let d = 0;
  for (let i = 0; i < a.length; i++) d += a[i] * b[i];
  return d;
}
