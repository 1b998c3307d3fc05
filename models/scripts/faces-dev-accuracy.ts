import { join } from "node:path";
import { analyzeFace } from "@/lib/vision/analyze-face";
import { datasetExists, facesDatasetDir, readPairs } from "@/lib/vision/datasets";
import { rotateImage } from "@/lib/vision/rotate-image";
import { cosineOf, decodeFile } from "@/scripts/bench/embed-dataset";
import { chipBatch, createSession, embedChips, type Variant } from "@/scripts/bench/embed-variants";
import { equalErrorRate, rocAuc } from "@/scripts/bench/metrics";

/**
 * Test-only: ROC AUC and EER of a converted recogniser on the faces-dev colour pairs (FaceMesh
 * landmarks, the variant's alignment), or undefined when the dataset is absent. A wrong channel
 * order, layout or normalisation shows up here even when every layer matches its reference.
 */
export async function facesDevAccuracy(variant: Variant): Promise<{ auc: number; eer: number; genuine: number; impostor: number } | undefined> {
  const dir = facesDatasetDir();
  if (!datasetExists(dir)) return undefined;
  const pairs = readPairs(dir).filter((p) => p.subset === "colour");
  const session = await createSession(variant.path);
  const embeddings = new Map<string, Float32Array | undefined>();
  for (const f of new Set(pairs.flatMap((p) => [p.a, p.b]))) {
    const image = await decodeFile(join(dir, f));
    const analysis = await analyzeFace(image, { rotate: true, embed: false });
    const face = analysis.faces[0];
    embeddings.set(f, face ? await embedChips(session, chipBatch(rotateImage(image, analysis.rotation), face, variant), variant.size) : undefined);
  }
  const g = pairs.filter((p) => p.same).map((p) => cosineOf(embeddings, p));
  const i = pairs.filter((p) => !p.same).map((p) => cosineOf(embeddings, p));
  return { auc: rocAuc(g, i), eer: equalErrorRate(g, i).eer, genuine: g.length, impostor: i.length };
}
