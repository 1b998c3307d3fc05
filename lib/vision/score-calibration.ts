import calibration from "./calibration.json";

/** Logistic map from cosine to 0-100 pinned at two fitted points: cos50 -> 50 and cos70 -> 70. */
export type ScoreCalibration = { modelId: string; cos50: number; cos70: number };

const LOGIT_70 = Math.log(0.7 / 0.3);

export function scoreFromCosine(cosine: number, c: ScoreCalibration): number {
  const k = LOGIT_70 / (c.cos70 - c.cos50);
  const score = 100 / (1 + Math.exp(-k * (cosine - c.cos50)));
  return Math.round(score * 100) / 100;
}

type FittedCalibration = { cos50: number; cos70: number; fittedOn: string };
const fitted: Record<string, FittedCalibration | undefined> = calibration;

// Each built-in recogniser has its own points (fitted by scripts/bench/fit-calibration.ts on one
// half of the faces-dev identities; a cosine means something different for every model); a custom
// recogniser brings its own via env.
export function getScoreCalibration(modelId: string, env: NodeJS.ProcessEnv = process.env): ScoreCalibration {
  // built-in template ids are `<model>@<sha>`; with a custom recogniser configured, other ids are its own
  const builtin = modelId.includes("@") || !env.FACE_RECOGNISER_ONNX ? fitted[modelId.split("@")[0]] : undefined;
  if (builtin) return { modelId, cos50: builtin.cos50, cos70: builtin.cos70 };
  return { modelId, cos50: Number(env.FACE_RECOGNISER_COS50 ?? 0.3), cos70: Number(env.FACE_RECOGNISER_COS70 ?? 0.45) };
}
