import { beforeAll, describe, expect, it } from "vitest";
import { prepareModels } from "@/models/scripts/prepare";
import { cosineOf, embedPairImages } from "@/scripts/bench/embed-dataset";
import { equalErrorRate, fnmrAtFmr } from "@/scripts/bench/metrics";
import { datasetsForSuite, facesDatasetDir, readPairs } from "./datasets";
import { loadVisionModels } from "./load-vision-models";
import published from "./published-accuracy.json";
import { getRecogniserConfig } from "./recogniser";

// Accuracy gate: the recogniser, through the whole engine (decode, detect, align, embed), on every
// faces-dev pair must stay within a small margin of the figures the README and model card publish
// (lib/vision/published-accuracy.json, printed by npm run bench:accuracy). A change of model,
// alignment or preprocessing that costs accuracy fails here, not only in a benchmark nobody reran.
const faces = facesDatasetDir();
const hasFaces = datasetsForSuite("recognition accuracy", [faces]);
// EER may move by half a point; FNMR at FMR 0.1% by two genuine pairs.
const EER_MARGIN = 0.005;
const GENUINE_PAIRS_MARGIN = 2;

describe.skipIf(!hasFaces)("recognition accuracy on faces-dev (all pairs)", () => {
  let emb: Map<string, Float32Array | undefined>;
  const pairs = hasFaces ? readPairs(faces) : [];

  beforeAll(async () => {
    prepareModels({ log: () => {} });
    await loadVisionModels();
    emb = await embedPairImages(faces, pairs);
  }, 300_000);

  it("runs the recogniser the figures were published for", () => {
    expect(getRecogniserConfig().modelId).toBe(published.recogniser);
  });

  for (const subset of ["colour", "chips"] as const) {
    it(`${subset}: EER and FNMR at FMR 0.1% within a small margin of the published figures`, () => {
      const scored = pairs.filter((p) => p.subset === subset);
      const genuine = scored.filter((p) => p.same).map((p) => cosineOf(emb, p));
      const impostor = scored.filter((p) => !p.same).map((p) => cosineOf(emb, p));
      const figures = published[subset];
      expect([genuine.length, impostor.length]).toEqual([figures.genuine, figures.impostor]);
      expect(equalErrorRate(genuine, impostor).eer).toBeLessThanOrEqual(figures.eer + EER_MARGIN);
      expect(fnmrAtFmr(genuine, impostor, 0.001).fnmr).toBeLessThanOrEqual(figures.fnmrAtFmr0001 + GENUINE_PAIRS_MARGIN / figures.genuine + 1e-9);
    });
  }
});
