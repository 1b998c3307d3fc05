import { describe, expect, it } from "vitest";
import { addStepFrame, type StepFrames } from "./add-step-frame";

describe("addStepFrame", () => {
  it("keeps one frame per step in order and refuses a stale or repeated grab", () => {
    let seq: StepFrames<string> = { frames: [], total: 4 };
    seq = addStepFrame(seq, { step: 0, frame: "straight" })!;
    // the straight step fired twice (a tick of the previous render, then the countdown): one is kept
    expect(addStepFrame(seq, { step: 0, frame: "straight again" })).toBeNull();
    seq = addStepFrame(seq, { step: 1, frame: "left" })!;
    expect(addStepFrame(seq, { step: 3, frame: "skipped ahead" })).toBeNull();
    seq = addStepFrame(seq, { step: 2, frame: "right" })!;
    seq = addStepFrame(seq, { step: 3, frame: "up" })!;
    expect(seq.frames).toEqual(["straight", "left", "right", "up"]);
    expect(addStepFrame(seq, { step: 4, frame: "one too many" })).toBeNull();
  });
});
