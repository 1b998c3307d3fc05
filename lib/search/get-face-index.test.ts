import { beforeEach, describe, expect, it } from "vitest";
import { getFaceIndex, listFaceIndexes, resetFaceIndexes } from "./get-face-index";

describe("getFaceIndex", () => {
  beforeEach(() => resetFaceIndexes());

  it("returns one index per (application, model), created empty", () => {
    const index = getFaceIndex("app-1", "dlib-128");
    expect(index.size).toBe(0);
    expect(getFaceIndex("app-1", "dlib-128")).toBe(index);
    expect(getFaceIndex("app-2", "dlib-128")).not.toBe(index);
    expect(getFaceIndex("app-1", "arcface-512")).not.toBe(index);
  });

  it("keeps applications apart", () => {
    getFaceIndex("app-1", "m").add([{ id: "a", kind: "session", embedding: [1, 0] }]);
    expect(getFaceIndex("app-2", "m").search([1, 0])).toEqual([]);
    expect(getFaceIndex("app-1", "m").search([1, 0])).toHaveLength(1);
  });

  it("does not confuse ids that only differ in where a separator falls", () => {
    expect(getFaceIndex("a:b", "c")).not.toBe(getFaceIndex("a", "b:c"));
  });

  it("lists the indexes held, with their application and model", () => {
    const index = getFaceIndex("app:1", "m");
    getFaceIndex("app-2", "n");
    expect(listFaceIndexes()).toEqual([
      { applicationId: "app:1", modelId: "m", index },
      { applicationId: "app-2", modelId: "n", index: getFaceIndex("app-2", "n") },
    ]);
  });

  it("resetFaceIndexes drops everything", () => {
    const index = getFaceIndex("app-1", "m");
    resetFaceIndexes();
    expect(getFaceIndex("app-1", "m")).not.toBe(index);
  });
});
