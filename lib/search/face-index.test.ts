import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { FaceIndex } from "./face-index";
import { createRandomUnitVectors, createSeededRandom } from "./random-unit-vectors";
import { D, expectSameHits, makeInputs, naiveSearch, row } from "./test-helpers";

describe("FaceIndex", () => {
  it("returns exactly the naive top-k on seeded random data", () => {
    const inputs = makeInputs(createRandomUnitVectors({ count: 2_000, dimension: D, seed: 1 }));
    const queries = createRandomUnitVectors({ count: 25, dimension: D, seed: 2 });
    const index = new FaceIndex();
    index.add(inputs);
    expect(index.size).toBe(2_000);
    expect(index.dimension).toBe(D);
    for (let q = 0; q < 25; q++) {
      for (const k of [1, 5, 17]) expectSameHits(index.search(row(queries, q), { k }), naiveSearch(inputs, row(queries, q), k));
    }
  });

  it("finds the enrolled face itself with cosine 1", () => {
    const vectors = createRandomUnitVectors({ count: 500, dimension: 512, seed: 3 });
    const index = new FaceIndex({ dimension: 512 });
    index.add(makeInputs(vectors, 512));
    const [best] = index.search(row(vectors, 123, 512), { k: 1 });
    expect(best.entry.id).toBe("face-123");
    expect(best.cosine).toBeCloseTo(1, 5);
  });

  it("handles a dimension that is not a multiple of 8", () => {
    const inputs = makeInputs(createRandomUnitVectors({ count: 300, dimension: 13, seed: 4 }), 13);
    const query = createRandomUnitVectors({ count: 1, dimension: 13, seed: 5 });
    const index = new FaceIndex();
    index.add(inputs);
    expectSameHits(index.search(query, { k: 7 }), naiveSearch(inputs, query, 7));
  });

  it("returns every face, sorted, when k is larger than the index", () => {
    const inputs = makeInputs(createRandomUnitVectors({ count: 3, dimension: D, seed: 6 }));
    const query = createRandomUnitVectors({ count: 1, dimension: D, seed: 7 });
    const index = new FaceIndex();
    index.add(inputs);
    expectSameHits(index.search(query, { k: 50 }), naiveSearch(inputs, query, 50));
    expect(index.search(query, { k: 0 })).toEqual([]);
  });

  it("returns nothing from an empty index", () => {
    const query = createRandomUnitVectors({ count: 1, dimension: D, seed: 8 });
    expect(new FaceIndex().search(query)).toEqual([]);
    expect(new FaceIndex({ dimension: D }).search(query)).toEqual([]);
  });

  it("stays correct through removals (swap-remove) and re-adds", () => {
    const inputs = makeInputs(createRandomUnitVectors({ count: 1_000, dimension: D, seed: 9 }));
    const queries = createRandomUnitVectors({ count: 10, dimension: D, seed: 10 });
    const index = new FaceIndex();
    index.add(inputs);
    const random = createSeededRandom(11);
    const removed = new Set<string>();
    while (removed.size < 400) {
      const id = `face-${Math.floor(random() * 1_000)}`;
      expect(index.remove(id)).toBe(!removed.has(id));
      removed.add(id);
    }
    const remaining = inputs.filter((input) => !removed.has(input.id));
    expect(index.size).toBe(600);
    expect(index.has("face-0")).toBe(!removed.has("face-0"));
    for (let q = 0; q < 10; q++) expectSameHits(index.search(row(queries, q), { k: 10 }), naiveSearch(remaining, row(queries, q), 10));

    index.add(inputs.filter((input) => removed.has(input.id)));
    expect(index.size).toBe(1_000);
    for (let q = 0; q < 10; q++) expectSameHits(index.search(row(queries, q), { k: 10 }), naiveSearch(inputs, row(queries, q), 10));
  });

  it("removeWhere deletes every face of one vendor_data and nothing else", () => {
    const inputs = makeInputs(createRandomUnitVectors({ count: 200, dimension: D, seed: 12 }), D, (i) => ({
      vendorData: `user-${i % 7}`,
    }));
    const query = createRandomUnitVectors({ count: 1, dimension: D, seed: 13 });
    const index = new FaceIndex();
    index.add(inputs);
    const expectedRemoved = inputs.filter((input) => input.vendorData === "user-3").length;
    expect(index.removeWhere((entry) => entry.vendorData === "user-3")).toBe(expectedRemoved);
    expect(index.size).toBe(200 - expectedRemoved);
    const remaining = inputs.filter((input) => input.vendorData !== "user-3");
    expectSameHits(index.search(query, { k: 200 }), naiveSearch(remaining, query, 200));
  });

  it("replaces a face when its id is added again", () => {
    const vectors = createRandomUnitVectors({ count: 2, dimension: D, seed: 14 });
    const index = new FaceIndex();
    index.add([{ id: "a", kind: "session", refId: "s1", embedding: row(vectors, 0) }]);
    index.add([{ id: "a", kind: "reauth", refId: "s2", embedding: row(vectors, 1) }]);
    expect(index.size).toBe(1);
    const [hit] = index.search(row(vectors, 1), { k: 1 });
    expect(hit.entry).toEqual({ id: "a", kind: "reauth", refId: "s2" });
    expect(hit.cosine).toBeCloseTo(1, 5);
  });

  it("normalises embeddings that are not unit length, and copies them", () => {
    const embedding = Float32Array.from({ length: D }, (_, i) => (i === 0 ? 3 : 0));
    const index = new FaceIndex();
    index.add([{ id: "a", kind: "session", embedding }]);
    embedding.fill(0);
    const query = Float32Array.from({ length: D }, (_, i) => (i === 0 ? 0.5 : 0));
    expect(index.search(query)[0].cosine).toBeCloseTo(1, 6);
  });

  it("rejects a dimension mismatch on add and on search, leaving the index unchanged", () => {
    const index = new FaceIndex({ dimension: D });
    index.add(makeInputs(createRandomUnitVectors({ count: 5, dimension: D, seed: 15 })));
    const wrong = createRandomUnitVectors({ count: 1, dimension: 512, seed: 16 });
    const good = createRandomUnitVectors({ count: 1, dimension: D, seed: 17 });
    expect(() => index.search(wrong)).toThrow(AppError);
    expect(() => index.search(wrong)).toThrow(/512 dimensions.*128-dimensional/);
    expect(() =>
      index.add([
        { id: "ok", kind: "session", embedding: good },
        { id: "bad", kind: "session", embedding: wrong },
      ]),
    ).toThrow(AppError);
    expect(index.size).toBe(5);
    expect(index.has("ok")).toBe(false);
  });

  it("rejects zero, non-finite embeddings and a bad k", () => {
    const index = new FaceIndex({ dimension: 4 });
    expect(() => index.add([{ id: "z", kind: "session", embedding: [0, 0, 0, 0] }])).toThrow(AppError);
    expect(() => index.add([{ id: "n", kind: "session", embedding: [NaN, 0, 0, 1] }])).toThrow(AppError);
    index.add([{ id: "x", kind: "session", embedding: [1, 0, 0, 0] }]);
    expect(() => index.search([1, 0, 0, 0], { k: -1 })).toThrow(AppError);
    expect(() => index.search([1, 0, 0, 0], { k: 1.5 })).toThrow(AppError);
  });
});
