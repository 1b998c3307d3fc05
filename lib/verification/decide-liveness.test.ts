import { describe, expect, it } from "vitest";
import { decideLiveness } from "./decide-liveness";
import { createWarning } from "./warnings";

const thresholds = { review: 60, decline: 50 };
const risks = (w: { risk: string }[]) => w.map((x) => x.risk);

describe("decideLiveness", () => {
  it("approves at or above review, reviews in the band, declines below as a suspected attack", () => {
    expect(decideLiveness({ score: 60, thresholds, image: "user_image", faceWarnings: [] })).toEqual({ status: "Approved", warnings: [] });
    const review = decideLiveness({ score: 55, thresholds, image: "user_image", faceWarnings: [] });
    expect(review.status).toBe("In Review");
    expect(risks(review.warnings)).toEqual(["LOW_LIVENESS_SCORE"]);
    const declined = decideLiveness({ score: 12, thresholds, image: "user_image", faceWarnings: [createWarning("MULTIPLE_FACES_DETECTED")] });
    expect(declined.status).toBe("Declined");
    expect(risks(declined.warnings)).toEqual(["MULTIPLE_FACES_DETECTED", "LIVENESS_FACE_ATTACK"]);
    expect(declined.warnings[1].long_description).toContain("Score 12; decline below 50.");
  });

  it("declines an image that cannot show liveness as a quality problem, whatever the score", () => {
    const out = decideLiveness({ score: 90, limitation: "grayscale", thresholds, image: "user_image", faceWarnings: [createWarning("LOW_FACE_QUALITY", "Image: user_image.")] });
    expect(out.status).toBe("Declined");
    expect(risks(out.warnings)).toEqual(["LOW_FACE_QUALITY"]);
    expect(out.warnings[0].long_description).toMatch(/Image: user_image\. The image has no colour/);
    expect(risks(decideLiveness({ score: 5, limitation: "face_fills_image", thresholds, image: "x", faceWarnings: [] }).warnings)).not.toContain("LIVENESS_FACE_ATTACK");
  });
});
