import { describe, expect, it } from "vitest";
import { FaceIndex } from "./face-index";
import { createRandomUnitVectors } from "./random-unit-vectors";
import { D, expectSameHits, makeInputs, naiveSearch } from "./test-helpers";

describe("FaceIndex.search options", () => {
  it("filters by kind and by list, with a predicate or an object", () => {
    const inputs = makeInputs(createRandomUnitVectors({ count: 600, dimension: D, seed: 18 }), D, (i) =>
      i % 3 === 0
        ? { kind: "list", listId: i % 2 === 0 ? "list-a" : "list-b", listKind: i % 2 === 0 ? "blocklist" : "allowlist" }
        : { kind: i % 3 === 1 ? "session" : "reauth" },
    );
    const query = createRandomUnitVectors({ count: 1, dimension: D, seed: 19 });
    const index = new FaceIndex();
    index.add(inputs);

    expectSameHits(index.search(query, { k: 8, filter: { kind: "reauth" } }), naiveSearch(inputs, query, 8, (x) => x.kind === "reauth"));
    expectSameHits(
      index.search(query, { k: 8, filter: { kind: ["session", "reauth"] } }),
      naiveSearch(inputs, query, 8, (x) => x.kind !== "list"),
    );
    expectSameHits(
      index.search(query, { k: 8, filter: { listKind: "blocklist" } }),
      naiveSearch(inputs, query, 8, (x) => x.listKind === "blocklist"),
    );
    expectSameHits(
      index.search(query, { k: 8, filter: (entry) => entry.listId === "list-b" }),
      naiveSearch(inputs, query, 8, (x) => x.listId === "list-b"),
    );
    expect(index.search(query, { filter: { listId: "no-such-list" } })).toEqual([]);
  });

  it("drops hits below minCosine", () => {
    const inputs = makeInputs(createRandomUnitVectors({ count: 1_000, dimension: 16, seed: 20 }), 16);
    const query = createRandomUnitVectors({ count: 1, dimension: 16, seed: 21 });
    const index = new FaceIndex();
    index.add(inputs);
    const expected = naiveSearch(inputs, query, 1_000).filter((hit) => hit.cosine >= 0.6);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(50);
    expectSameHits(index.search(query, { k: 50, minCosine: 0.6 }), expected);
  });
});
