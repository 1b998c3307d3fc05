import type { Affine, Point } from "./types";

export function applyAffine(m: Affine, [x, y]: Point): Point {
  return [m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]];
}

export function invertAffine(m: Affine): Affine {
  const det = m[0] * m[4] - m[1] * m[3];
  if (Math.abs(det) < 1e-12) throw new Error("affine matrix is singular");
  const a = m[4] / det;
  const b = -m[1] / det;
  const d = -m[3] / det;
  const e = m[0] / det;
  return [a, b, -(a * m[2] + b * m[5]), d, e, -(d * m[2] + e * m[5])];
}

/** Scale of a similarity/affine map (source pixels per destination pixel when m maps dst->src). */
export function affineScale(m: Affine): number {
  return Math.sqrt(Math.abs(m[0] * m[4] - m[1] * m[3]));
}

// Least-squares similarity transform (rotation, uniform scale, translation) taking `from` onto
// `to` (Umeyama without reflection); this is what dlib's get_face_chip_details solves.
export function estimateSimilarity(from: Point[], to: Point[]): Affine {
  const n = from.length;
  let fx = 0, fy = 0, tx = 0, ty = 0;
  for (let i = 0; i < n; i++) {
    fx += from[i][0]; fy += from[i][1]; tx += to[i][0]; ty += to[i][1];
  }
  fx /= n; fy /= n; tx /= n; ty /= n;
  let sxx = 0, sxy = 0, variance = 0;
  for (let i = 0; i < n; i++) {
    const ax = from[i][0] - fx, ay = from[i][1] - fy;
    const bx = to[i][0] - tx, by = to[i][1] - ty;
    sxx += ax * bx + ay * by; // dot: cosine part
    sxy += ax * by - ay * bx; // cross: sine part
    variance += ax * ax + ay * ay;
  }
  if (variance < 1e-12) throw new Error("degenerate landmark set");
  const a = sxx / variance; // s*cos
  const b = sxy / variance; // s*sin
  return [a, -b, tx - (a * fx - b * fy), b, a, ty - (b * fx + a * fy)];
}
