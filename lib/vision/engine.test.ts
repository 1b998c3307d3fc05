import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareModels } from "@/models/scripts/prepare";
import { analyzeFace, compareEmbeddings, detectFaces, getVisionStatus, loadVisionModels, rotateImage } from ".";
import { datasetsForSuite, facesDatasetDir } from "./datasets";
import { decodeForTest } from "./test-images";

// Runs the real models on the shared datasets (../shared/datasets); skipped, loudly, without them
// (in CI their absence fails). Passive liveness on the PAD samples: score-liveness.test.ts.
const faces = facesDatasetDir();
const hasFaces = datasetsForSuite("vision engine", [faces]);

beforeAll(async () => {
  prepareModels({ log: () => {} });
  await loadVisionModels();
});

describe.skipIf(!hasFaces)("vision engine on faces-dev", () => {
  it("is ready after loadVisionModels", () => {
    expect(getVisionStatus().ready).toBe(true);
  });

  it("counts the faces of every group photo", async () => {
    const expected = JSON.parse(readFileSync(join(faces, "multi-face/faces.json"), "utf8")) as Record<string, number>;
    for (const [file, count] of Object.entries(expected).filter(([k]) => !k.startsWith("_"))) {
      const found = await detectFaces(await decodeForTest(join(faces, "multi-face", file)));
      const ok = file === "selfie-many-people.jpg" ? [6, 7] : [count];
      expect(ok, `${file}: found ${found.length}`).toContain(found.length);
      for (let i = 1; i < found.length; i++) expect(found[i - 1].box.width * found[i - 1].box.height).toBeGreaterThanOrEqual(found[i].box.width * found[i].box.height);
    }
  });

  it("finds no face where there is none", async () => {
    for (const file of readdirSync(join(faces, "no-face")).filter((f) => f.endsWith(".jpg"))) {
      const result = await analyzeFace(await decodeForTest(join(faces, "no-face", file)), { rotate: true });
      expect(result.faces, file).toHaveLength(0);
      expect(result.primary).toBeUndefined();
    }
  });

  it("scores a genuine pair high, an impostor pair low, symmetrically", async () => {
    const embed = async (p: string) => (await analyzeFace(await decodeForTest(join(faces, p)))).primary!;
    const [a1, a2, b1] = await Promise.all(["images/deepface-01/1.jpg", "images/deepface-01/2.jpg", "images/deepface-02/1.jpg"].map(embed));
    expect(a1.embedding).toBeInstanceOf(Float32Array);
    expect(Math.hypot(...a1.embedding)).toBeCloseTo(1, 5);
    const genuine = compareEmbeddings(a1, a2);
    const impostor = compareEmbeddings(a1, b1);
    expect(genuine.score).toBeGreaterThanOrEqual(70);
    expect(impostor.score).toBeLessThan(50);
    expect(compareEmbeddings(a2, a1)).toEqual(genuine);
    expect(compareEmbeddings(b1, a1).score).toBe(impostor.score);
    expect(() => compareEmbeddings(a1, { ...b1, modelId: "other-model" })).toThrow(/different models/);
  });

  it("matches the grayscale chips of one person", async () => {
    const embed = async (p: string) => (await analyzeFace(await decodeForTest(join(faces, p)))).primary!;
    const [s1, s2, r1] = await Promise.all(["images/bbt-sheldon/1.jpg", "images/bbt-sheldon/2.jpg", "images/bbt-raj/1.jpg"].map(embed));
    expect(compareEmbeddings(s1, s2).cosine).toBeGreaterThan(compareEmbeddings(s1, r1).cosine);
  });

  it("finds an upside-down face with rotate and reports the turn; grades quality", async () => {
    const upright = await decodeForTest(join(faces, "images/deepface-04/1.jpg"));
    const result = await analyzeFace(rotateImage(upright, 180), { rotate: true });
    expect(result.primary).toBeDefined();
    const q = result.primary!.quality;
    for (const v of Object.values(q)) expect(v).toBeGreaterThanOrEqual(0);
    const straight = await analyzeFace(upright);
    expect(straight.rotation).toBe(0);
    expect(straight.primary!.quality.overall).toBeGreaterThan(60);
    expect(compareEmbeddings(straight.primary!, result.primary!).score).toBeGreaterThan(70);
  });
});
