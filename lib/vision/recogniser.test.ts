import { describe, expect, it } from "vitest";
import { comparableModelIds, getRecogniserConfig, recogniserConfigFor } from "./recogniser";
import { getScoreCalibration } from "./score-calibration";

const env = (extra: Record<string, string> = {}) => ({ ...extra }) as NodeJS.ProcessEnv;

describe("recogniser configuration", () => {
  it("ships face-reid-0095 by default: 128 px BGR chip on Open Model Zoo's landmarks", () => {
    const c = getRecogniserConfig(env());
    expect(c.modelId).toMatch(/^face-reid-0095@[0-9a-f]{12}$/);
    expect(c).toMatchObject({ size: 128, layout: "nchw", channels: "bgr", alignment: "openvino-reid", mean: [0, 0, 0], scale: [1, 1, 1] });
  });

  it("keeps dlib selectable and refuses unknown built-ins", () => {
    expect(getRecogniserConfig(env({ FACE_RECOGNISER: "dlib-resnet" })).modelId).toMatch(/^dlib-resnet@/);
    expect(() => getRecogniserConfig(env({ FACE_RECOGNISER: "arcface-r100" }))).toThrow(/not a built-in recogniser/);
  });

  it("finds the model that made a template only when this build ships exactly that model", () => {
    const dlib = getRecogniserConfig(env({ FACE_RECOGNISER: "dlib-resnet" }));
    expect(recogniserConfigFor(dlib.modelId, env())?.alignment).toBe("dlib68");
    expect(recogniserConfigFor("dlib-resnet@000000000000", env())).toBeUndefined();
    expect(recogniserConfigFor("custom:arcface.onnx", env())).toBeUndefined();
    expect(comparableModelIds(env())).toEqual(expect.arrayContaining([getRecogniserConfig(env()).modelId, dlib.modelId]));
  });

  it("calibrates each built-in model with its own points and a custom one from env", () => {
    const reid = getScoreCalibration(getRecogniserConfig(env()).modelId, env());
    const dlib = getScoreCalibration(getRecogniserConfig(env({ FACE_RECOGNISER: "dlib-resnet" })).modelId, env());
    expect(reid.cos50).toBeLessThan(0.5);
    expect(dlib.cos50).toBeGreaterThan(0.9);
    const custom = env({ FACE_RECOGNISER_ONNX: "/models/arcface.onnx", FACE_RECOGNISER_COS50: "0.25", FACE_RECOGNISER_COS70: "0.4" });
    expect(getScoreCalibration("custom:arcface.onnx", custom)).toMatchObject({ cos50: 0.25, cos70: 0.4 });
    // a legacy dlib template keeps dlib's points even while a custom recogniser is configured
    expect(getScoreCalibration(getRecogniserConfig(env({ FACE_RECOGNISER: "dlib-resnet" })).modelId, custom).cos50).toBeGreaterThan(0.9);
  });
});
