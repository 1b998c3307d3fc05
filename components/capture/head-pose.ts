import type { HeadTurn } from "@/lib/capture/types";
import type { BrowserFace } from "./compute-guidance";

export type HeadPose = { yaw: number; pitch: number };

// A rough pose from BlazeFace's keypoints (right eye, left eye, nose, mouth, ears), enough to tell
// which way the head turned. In the raw (unmirrored) camera frame the subject's left is the image's
// right, so turning to the user's left moves the nose towards larger x: yaw > 0. Looking up brings
// the nose towards the eyes: pitch < 0.
export function estimateHeadPose(face: BrowserFace): HeadPose | null {
  const [a, b, nose, mouth] = face.keypoints;
  if (!a || !b || !nose || !mouth) return null;
  const eyeX = (a[0] + b[0]) / 2, eyeY = (a[1] + b[1]) / 2;
  const eyeDist = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const eyeToMouth = mouth[1] - eyeY;
  if (eyeDist < 1 || eyeToMouth < 1) return null;
  return { yaw: (nose[0] - eyeX) / eyeDist, pitch: (nose[1] - eyeY) / eyeToMouth };
}

const needed: Record<HeadTurn, (d: HeadPose) => boolean> = {
  left: (d) => d.yaw > 0.15,
  right: (d) => d.yaw < -0.15,
  up: (d) => d.pitch < -0.1,
  down: (d) => d.pitch > 0.1,
};

/** Whether the pose moved far enough from the straight-ahead baseline in the requested direction. */
export function hasTurned({ pose, baseline, turn }: { pose: HeadPose; baseline: HeadPose; turn: HeadTurn }): boolean {
  return needed[turn]({ yaw: pose.yaw - baseline.yaw, pitch: pose.pitch - baseline.pitch });
}

/** Whether the pose is back near the straight-ahead baseline (half the way to any turn). */
export function isStraight({ pose, baseline }: { pose: HeadPose; baseline: HeadPose }): boolean {
  return Math.abs(pose.yaw - baseline.yaw) < 0.075 && Math.abs(pose.pitch - baseline.pitch) < 0.05;
}
