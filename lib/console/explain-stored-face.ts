import type { Db } from "@/lib/db";
import { readMedia } from "@/lib/media/blob-store";
import { decodeImageOrThrow } from "@/lib/media/decode-image";
import { explainFace } from "@/lib/vision";
import { encodeEngineCrops, type FaceOverlay } from "./encode-engine-crops";

export type { FaceOverlay } from "./encode-engine-crops";

// A few recent explanations, in memory only (crops are face pixels: never written to disk). Stored
// images never change under an id, so an entry is valid until it is evicted.
const CACHE_SIZE = 24;
const cache = new Map<string, FaceOverlay>();

// The face box, alignment points and model crops of one stored image, as the engine computes them now,
// with the crops as JPEG data URLs for the console.
export async function explainStoredFace(db: Db, mediaId: string): Promise<FaceOverlay | null> {
  const hit = cache.get(mediaId);
  if (hit) return hit;
  const media = await readMedia(db, mediaId);
  if (!media) return null;
  const overlay = await encodeEngineCrops(await explainFace(await decodeImageOrThrow(new Uint8Array(media.bytes))));
  cache.set(mediaId, overlay);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return overlay;
}
