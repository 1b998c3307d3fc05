import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { decideLiveness } from "@/lib/verification/decide-liveness";
import { prepareModels } from "@/models/scripts/prepare";
import { analyzeImageBytesHere } from "./analyze-image-bytes";
import { datasetsForSuite, facesDatasetDir, padDatasetDir, readIdentities, readPadLabels } from "./datasets";
import { loadVisionModels } from "./load-vision-models";

// The MiniFASNet ensemble on real images through the API's path (checked decode with EXIF
// orientation, faces at any turn, liveness on the largest), at the default thresholds (decline 50,
// no review band). 9 PAD images prove little (models/cards/minifasnet.md); they do catch a regression.
const pad = padDatasetDir();
const faces = facesDatasetDir();
const hasData = datasetsForSuite("passive liveness", [pad, faces]);
const thresholds = { review: 50, decline: 50 };

async function decide(path: string) {
  const { analysis, liveness } = await analyzeImageBytesHere({ bytes: readFileSync(path), field: "user_image", rotate: true, liveness: true });
  expect(analysis.primary, `${path}: no face`).toBeDefined();
  const decision = decideLiveness({ score: Math.round(liveness!.score), limitation: liveness!.limitation, thresholds, image: "user_image", faceWarnings: [] });
  return { ...decision, liveness: liveness! };
}

describe.skipIf(!hasData)("passive liveness (MiniFASNet) on real images", () => {
  beforeAll(async () => {
    prepareModels({ log: () => {} });
    await loadVisionModels();
  });

  const samples = hasData ? readPadLabels(pad) : [];
  it.each(samples.filter((s) => s.label === "attack").map((s) => [s.file, s.type]))("declines the attack %s (%s): APCER 0/5", async (file) => {
    const { status, warnings, liveness } = await decide(join(pad, file));
    expect(status, `score ${liveness.score}, p ${liveness.probability.toFixed(3)}`).toBe("Declined");
    expect(warnings.map((w) => w.risk)).toContain("LIVENESS_FACE_ATTACK");
  });

  it.each(samples.filter((s) => s.label === "bona-fide").map((s) => [s.file]))("approves the bona fide %s: BPCER 0/4", async (file) => {
    const { status, liveness } = await decide(join(pad, file));
    expect(status, `score ${liveness.score}, p ${liveness.probability.toFixed(3)}`).toBe("Approved");
  });

  it("approves at least 95% of the faces-dev colour photos", async () => {
    const info = JSON.parse(readFileSync(join(faces, "identities.json"), "utf8")) as { identity_info: Record<string, { subset: string }> };
    const colour = Object.entries(readIdentities(faces)).flatMap(([id, paths]) => (info.identity_info[id]?.subset === "chips" ? [] : paths));
    expect(colour.length).toBeGreaterThanOrEqual(80);
    const declined: string[] = [];
    for (const p of colour) if ((await decide(join(faces, p))).status !== "Approved") declined.push(p);
    expect(declined.length, `declined: ${declined.join(", ")}`).toBeLessThanOrEqual(Math.floor(colour.length * 0.05));
  }, 180_000);

  it("declines a grayscale chip for having no colour, not as an attack", async () => {
    for (const chip of ["images/bbt-sheldon/1.jpg", "images/bbt-amy/1.jpg"]) {
      const { status, warnings, liveness } = await decide(join(faces, chip));
      expect(liveness.limitation, chip).toBe("grayscale");
      expect(status).toBe("Declined");
      expect(warnings.map((w) => w.risk)).toEqual(["LOW_FACE_QUALITY"]);
    }
  });
});
