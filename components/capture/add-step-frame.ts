// The frames of an ACTIVE_3D answer: exactly one per step (straight, then each turn), in step order.
// Several triggers can fire for the same step (the guidance tick, the fallback countdown, the button),
// and a tick can still run with the previous render's step; a frame is kept only when it answers the
// step that is next, so the upload always has turns + 1 frames.
export type StepFrames<T> = { frames: T[]; total: number };

/** The frames with `frame` added as the answer to `step`, or null when that step is not the next one. */
export function addStepFrame<T>(current: StepFrames<T>, input: { step: number; frame: T }): StepFrames<T> | null {
  if (input.step !== current.frames.length || current.frames.length >= current.total) return null;
  return { frames: [...current.frames, input.frame], total: current.total };
}
