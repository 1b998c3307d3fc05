import type { HeadTurn } from "@/lib/capture/types";

// ACTIVE_3D liveness: a straight frame, then one frame per requested turn, in the random order the
// server chose. Pose is the 3-D face mesh's, as estimatePose (lib/vision/quality.ts) gives it: its
// normal points away from the camera, so a subject turning to their own left (the nose moving to the
// right of the unmirrored camera image) reads a falling yaw, and looking up (chin forward) a falling
// pitch. A photo can be tilted, but it cannot turn the face's 3-D geometry the asked way in the asked
// order; every frame must also show the same person.
export type Pose = { yaw: number; pitch: number };
/** `turned`: how far each turn frame moved from the straight one, in degrees (for reviewers and tuning) */
export type TurnVerdict = { ok: boolean; reason: string | null; turned?: { turn: HeadTurn; yaw: number; pitch: number }[] };

export const MAX_STRAIGHT_DEGREES = 20;
export const MIN_YAW_TURN = 12;
export const MIN_PITCH_TURN = 8;

/** How far a change of pose turned towards each direction, in units of that direction's threshold
 * (1 = just far enough). */
export function turnReach(delta: Pose): Record<HeadTurn, number> {
  return { left: -delta.yaw / MIN_YAW_TURN, right: delta.yaw / MIN_YAW_TURN, up: -delta.pitch / MIN_PITCH_TURN, down: delta.pitch / MIN_PITCH_TURN };
}

export function verifyHeadTurns(input: { turns: HeadTurn[]; poses: Pose[]; sameFace: boolean[] }): TurnVerdict {
  const { turns, poses, sameFace } = input;
  if (poses.length !== turns.length + 1) return { ok: false, reason: "wrong number of frames for the challenge" };
  if (sameFace.some((same) => !same)) return { ok: false, reason: "a different face appeared during the challenge" };
  const [straight, ...rest] = poses;
  const turned = rest.map((p, i) => ({ turn: turns[i], yaw: Math.round(p.yaw - straight.yaw), pitch: Math.round(p.pitch - straight.pitch) }));
  if (Math.abs(straight.yaw) > MAX_STRAIGHT_DEGREES || Math.abs(straight.pitch) > MAX_STRAIGHT_DEGREES) return { ok: false, reason: "the first frame must look straight at the camera", turned };
  for (let i = 0; i < turns.length; i++) {
    const done = turnReach({ yaw: rest[i].yaw - straight.yaw, pitch: rest[i].pitch - straight.pitch })[turns[i]] >= 1;
    if (!done) return { ok: false, reason: `the head did not turn ${turns[i]}`, turned };
  }
  return { ok: true, reason: null, turned };
}
