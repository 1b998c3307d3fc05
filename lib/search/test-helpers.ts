// Shared by the face index tests: a naive reference search to compare the index against.
import { expect } from "vitest";
import type { FaceIndexEntry, FaceIndexInput } from "./types";

export const D = 128;

export function row(matrix: Float32Array, i: number, dimension = D): Float32Array {
  return matrix.subarray(i * dimension, (i + 1) * dimension);
}

export function makeInputs(vectors: Float32Array, dimension = D, entry: (i: number) => Partial<FaceIndexEntry> = () => ({})) {
  const inputs: FaceIndexInput[] = [];
  for (let i = 0; i < vectors.length / dimension; i++) {
    inputs.push({ id: `face-${i}`, kind: "session", ...entry(i), embedding: row(vectors, i, dimension) });
  }
  return inputs;
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** The reference answer: score everything, sort everything. */
export function naiveSearch(inputs: FaceIndexInput[], query: Float32Array, k: number, keep: (input: FaceIndexInput) => boolean = () => true) {
  return inputs
    .filter(keep)
    .map((input) => ({ id: input.id, cosine: dot(input.embedding, query) }))
    .sort((a, b) => b.cosine - a.cosine)
    .slice(0, k);
}

export function expectSameHits(actual: { entry: FaceIndexEntry; cosine: number }[], expected: { id: string; cosine: number }[]) {
  expect(actual.map((hit) => hit.entry.id)).toEqual(expected.map((hit) => hit.id));
  actual.forEach((hit, i) => expect(hit.cosine).toBeCloseTo(expected[i].cosine, 5));
}
