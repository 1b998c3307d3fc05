import { describe, expect, it } from "vitest";
import { createSeededRandom } from "./random-unit-vectors";
import { TopK } from "./top-k";

describe("TopK", () => {
  it("keeps the k largest scores, best first", () => {
    const random = createSeededRandom(42);
    const scores = Array.from({ length: 1_000 }, () => random() * 2 - 1);
    const top = new TopK(10);
    scores.forEach((score, slot) => top.push(score, slot));
    const expected = scores
      .map((score, slot) => ({ score, slot }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 10);
    expect(top.sorted()).toEqual(expected);
    expect(top.threshold).toBe(expected[9].score);
  });

  it("reports -Infinity as threshold until full, and ignores pushes at capacity 0", () => {
    const top = new TopK(2);
    top.push(0.5, 0);
    expect(top.threshold).toBe(-Infinity);
    top.push(0.7, 1);
    expect(top.threshold).toBe(0.5);
    const none = new TopK(0);
    none.push(1, 0);
    expect(none.sorted()).toEqual([]);
  });
});
