import { AppError } from "@/lib/errors";
import { scanTopK } from "./scan-top-k";
import { toEntryPredicate } from "./to-entry-predicate";
import { TopK } from "./top-k";
import type { FaceEntryPredicate, FaceIndexEntry, FaceIndexInput, FaceSearchHit, FaceSearchOptions } from "./types";

const MIN_CAPACITY = 64;
// Embeddings arrive normalised from the recogniser; only re-normalise the ones that clearly are not.
const NORM_TOLERANCE = 1e-3;

function toUnitVectorOrThrow(values: Float32Array | readonly number[], dimension: number, what: string): Float32Array {
  if (values.length !== dimension) {
    // A mismatch means an index was fed by two different recognisers: a server bug, not a client error.
    throw new AppError(
      "internal_error",
      `The ${what} embedding has ${values.length} dimensions; this face index holds ${dimension}-dimensional embeddings.`,
    );
  }
  let squares = 0;
  for (let i = 0; i < dimension; i++) squares += values[i] * values[i];
  const norm = Math.sqrt(squares);
  if (!Number.isFinite(norm) || norm === 0) {
    throw new AppError("internal_error", `The ${what} embedding is zero or not finite.`);
  }
  if (Math.abs(norm - 1) <= NORM_TOLERANCE && values instanceof Float32Array) return values;
  const unit = new Float32Array(dimension);
  for (let i = 0; i < dimension; i++) unit[i] = values[i] / norm;
  return unit;
}

/**
 * Exact (brute-force) cosine search over one application's enrolled faces for one recogniser.
 * Vectors live in one contiguous Float32Array (slot i at [i*D, (i+1)*D)) so the scan streams through
 * memory; deletes swap the last slot into the hole to keep it dense. No I/O: loading and persistence
 * belong to the caller.
 */
export class FaceIndex {
  private dim: number | null;
  private vectors = new Float32Array(0);
  private readonly entries: FaceIndexEntry[] = [];
  private readonly slotById = new Map<string, number>();

  /** Without a dimension, the first `add` fixes it. */
  constructor(options: { dimension?: number } = {}) {
    const { dimension } = options;
    if (dimension !== undefined && (!Number.isInteger(dimension) || dimension <= 0)) {
      throw new AppError("internal_error", `Invalid face index dimension ${dimension}.`);
    }
    this.dim = dimension ?? null;
  }

  get size(): number {
    return this.entries.length;
  }

  get dimension(): number | null {
    return this.dim;
  }

  has(id: string): boolean {
    return this.slotById.has(id);
  }

  /** Adds faces; an id already present is replaced in place. The whole batch is validated first. */
  add(items: readonly FaceIndexInput[]): void {
    if (items.length === 0) return;
    const dimension = this.dim ?? items[0].embedding.length;
    const prepared = items.map(({ embedding, ...entry }) => ({
      entry,
      vector: toUnitVectorOrThrow(embedding, dimension, `face "${entry.id}"`),
    }));
    this.dim = dimension;
    this.reserve(this.entries.length + prepared.length, dimension);
    for (const { entry, vector } of prepared) {
      const slot = this.slotById.get(entry.id) ?? this.entries.length;
      this.vectors.set(vector, slot * dimension);
      this.entries[slot] = entry;
      this.slotById.set(entry.id, slot);
    }
  }

  remove(id: string): boolean {
    const slot = this.slotById.get(id);
    if (slot === undefined) return false;
    this.removeSlot(slot);
    return true;
  }

  /** Removes every face the predicate accepts (e.g. all faces of one vendor_data); returns how many. */
  removeWhere(predicate: FaceEntryPredicate): number {
    let removed = 0;
    // Walking backwards means the slot swapped into a hole has already been visited and kept.
    for (let slot = this.entries.length - 1; slot >= 0; slot--) {
      if (!predicate(this.entries[slot])) continue;
      this.removeSlot(slot);
      removed++;
    }
    return removed;
  }

  /** The k most similar faces, best first, each with its cosine similarity in [-1, 1]. */
  search(query: Float32Array | readonly number[], options: FaceSearchOptions = {}): FaceSearchHit[] {
    const { k = 5, minCosine = -Infinity, filter } = options;
    if (!Number.isInteger(k) || k < 0) throw new AppError("validation_error", `k must be a non-negative integer.`);
    if (this.dim === null) return [];
    const unitQuery = toUnitVectorOrThrow(query, this.dim, "query");
    if (k === 0 || this.entries.length === 0) return [];

    const predicate = toEntryPredicate(filter);
    const accept = predicate && ((slot: number) => predicate(this.entries[slot]));
    const top = new TopK(Math.min(k, this.entries.length));
    scanTopK({ vectors: this.vectors, count: this.entries.length, query: unitQuery, minScore: minCosine, top, accept });
    return top.sorted().map(({ score, slot }) => ({ entry: this.entries[slot], cosine: score }));
  }

  private reserve(needed: number, dimension: number): void {
    const capacity = this.vectors.length / dimension;
    if (needed <= capacity) return;
    // Doubling keeps incremental enrolment amortised O(1) per face.
    const grown = new Float32Array(Math.max(needed, capacity * 2, MIN_CAPACITY) * dimension);
    grown.set(this.vectors.subarray(0, this.entries.length * dimension));
    this.vectors = grown;
  }

  private removeSlot(slot: number): void {
    const dimension = this.dim as number;
    const last = this.entries.length - 1;
    this.slotById.delete(this.entries[slot].id);
    if (slot !== last) {
      this.vectors.copyWithin(slot * dimension, last * dimension, (last + 1) * dimension);
      this.entries[slot] = this.entries[last];
      this.slotById.set(this.entries[slot].id, slot);
    }
    this.entries.pop();
  }
}
