import type { FivePoints, Point } from "./types";

// FaceMesh (MediaPipe, 468 points) indices. "Left"/"right" here are image sides of an unmirrored
// photo: the subject's right eye is on the image's left.
export const MESH = {
  leftEyeRing: [33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246],
  rightEyeRing: [263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388, 466],
  leftEyeOuter: 33,
  leftEyeInner: 133,
  rightEyeInner: 362,
  rightEyeOuter: 263,
  noseTip: 1,
  subnasale: 2,
  mouthLeft: 61,
  mouthRight: 291,
  upperLip: 13,
  chin: 152,
  forehead: 10,
  leftCheek: 234,
  rightCheek: 454,
} as const;

export function meshPoint(mesh: Float32Array, i: number): Point {
  return [mesh[i * 3], mesh[i * 3 + 1]];
}

function meanPoint(mesh: Float32Array, indices: readonly number[]): Point {
  let x = 0, y = 0;
  for (const i of indices) {
    x += mesh[i * 3];
    y += mesh[i * 3 + 1];
  }
  return [x / indices.length, y / indices.length];
}

/** Eye centres (mean of the eye contour), nose tip and mouth corners, the usual 5-point set. */
export function fivePointsFromMesh(mesh: Float32Array): FivePoints {
  return {
    leftEye: meanPoint(mesh, MESH.leftEyeRing),
    rightEye: meanPoint(mesh, MESH.rightEyeRing),
    nose: meshPoint(mesh, MESH.noseTip),
    mouthLeft: meshPoint(mesh, MESH.mouthLeft),
    mouthRight: meshPoint(mesh, MESH.mouthRight),
  };
}

// FaceMesh points standing in for the iBUG-68 points dlib aligns with (27-54 and 60-64, i.e.
// nose, eyes and upper mouth; dlib ignores brows, jaw and lower lip for alignment).
export const DLIB68_FROM_MESH: Record<number, number> = {
  27: 168, 28: 197, 29: 5, 30: 4, 31: 98, 32: 97, 33: 2, 34: 326, 35: 327,
  36: 33, 37: 160, 38: 158, 39: 133, 40: 153, 41: 144,
  42: 362, 43: 385, 44: 387, 45: 263, 46: 373, 47: 380,
  48: 61, 49: 39, 50: 37, 51: 0, 52: 267, 53: 269, 54: 291,
  60: 78, 61: 82, 62: 13, 63: 312, 64: 308,
};
