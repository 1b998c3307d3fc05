import { describe, expect, it } from "vitest";
import { createRandomUnitVectors } from "./random-unit-vectors";

describe("createRandomUnitVectors", () => {
  it("is reproducible per seed and yields unit vectors", () => {
    const a = createRandomUnitVectors({ count: 10, dimension: 32, seed: 7 });
    expect(createRandomUnitVectors({ count: 10, dimension: 32, seed: 7 })).toEqual(a);
    expect(createRandomUnitVectors({ count: 10, dimension: 32, seed: 8 })).not.toEqual(a);
    for (let row = 0; row < 10; row++) {
      let squares = 0;
      for (let i = 0; i < 32; i++) squares += a[row * 32 + i] ** 2;
      expect(Math.sqrt(squares)).toBeCloseTo(1, 5);
    }
  });
});
