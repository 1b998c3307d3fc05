import { FaceIndex } from "./face-index";

type Registry = Map<string, FaceIndex>;

// Anchored on globalThis rather than a plain module variable: Next.js dev hot reload (and separately
// bundled route chunks) can evaluate this module more than once, and each copy must see the same indexes.
const REGISTRY_KEY = Symbol.for("faceid.search.faceIndexes");
const holder = globalThis as typeof globalThis & { [REGISTRY_KEY]?: Registry };
const registry: Registry = (holder[REGISTRY_KEY] ??= new Map());

/** The process-wide index for one application and recogniser, created empty on first use. */
export function getFaceIndex(applicationId: string, modelId: string): FaceIndex {
  const key = JSON.stringify([applicationId, modelId]);
  let index = registry.get(key);
  if (!index) {
    index = new FaceIndex();
    registry.set(key, index);
  }
  return index;
}

/** The indexes this process holds: what a change signal refreshes and what /metrics counts. */
export function listFaceIndexes(): { applicationId: string; modelId: string; index: FaceIndex }[] {
  return [...registry].map(([key, index]) => {
    const [applicationId, modelId] = JSON.parse(key) as [string, string];
    return { applicationId, modelId, index };
  });
}

/** Drops every index (tests, or a reload after a bulk import). */
export function resetFaceIndexes(): void {
  registry.clear();
}
