import { estimateSimilarity, invertAffine } from "./affine";
import { DLIB68_FROM_MESH, meshPoint } from "./face-landmarks";
import type { Affine, FivePoints, Point } from "./types";

// dlib's get_face_chip_details: mean face shape of iBUG points 17-67 (x, y in a unit square).
const DLIB_MEAN_X = [0.000213256, 0.0752622, 0.18113, 0.29077, 0.393397, 0.586856, 0.689483, 0.799124, 0.904991, 0.98004, 0.490127, 0.490127, 0.490127, 0.490127, 0.36688, 0.426036, 0.490127, 0.554217, 0.613373, 0.121737, 0.187122, 0.265825, 0.334606, 0.260918, 0.182743, 0.645647, 0.714428, 0.793132, 0.858516, 0.79751, 0.719335, 0.254149, 0.340985, 0.428858, 0.490127, 0.551395, 0.639268, 0.726104, 0.642159, 0.556721, 0.490127, 0.423532, 0.338094, 0.290379, 0.428096, 0.490127, 0.552157, 0.689874, 0.553364, 0.490127, 0.42689];
const DLIB_MEAN_Y = [0.106454, 0.038915, 0.0187482, 0.0344891, 0.0773906, 0.0773906, 0.0344891, 0.0187482, 0.038915, 0.106454, 0.203352, 0.307009, 0.409805, 0.515625, 0.587326, 0.609345, 0.628106, 0.609345, 0.587326, 0.216423, 0.178758, 0.179852, 0.231733, 0.245099, 0.244077, 0.231733, 0.179852, 0.178758, 0.216423, 0.244077, 0.245099, 0.780233, 0.745405, 0.727388, 0.742578, 0.727388, 0.745405, 0.780233, 0.864805, 0.902192, 0.909281, 0.902192, 0.864805, 0.784792, 0.778746, 0.785343, 0.778746, 0.784792, 0.824182, 0.831803, 0.824182];

// dlib's 5-point template (shape_predictor_5_face_landmarks order: image-right eye outer,
// inner, image-left eye outer, inner, bottom of the nose) paired with FaceMesh points.
const DLIB5: [number, number, number][] = [
  [263, 0.8595674595992, 0.2134981538014],
  [362, 0.6460604764104, 0.2289674387677],
  [33, 0.1205750620789, 0.2137274526848],
  [133, 0.3340850613712, 0.2290642403242],
  [2, 0.4901123135679, 0.6277975316475],
];

// InsightFace's ArcFace 112x112 template: eye centres, nose tip, mouth corners.
const ARCFACE_112: Point[] = [[38.2946, 51.6963], [73.5318, 51.5014], [56.0252, 71.7366], [41.5493, 92.3655], [70.7299, 92.2041]];

// Open Model Zoo's reference landmarks for face-reidentification-retail-0095 (its model card, the
// accuracy checker's point_alignment and the face_recognition_demo): the ArcFace points of a 96x112
// crop, as fractions of the side, placed in a square chip (a similarity fit, not a stretch).
const OPENVINO_REID: Point[] = [[30.2946 / 96, 51.6963 / 112], [65.5318 / 96, 51.5014 / 112], [48.0252 / 96, 71.7366 / 112], [33.5493 / 96, 92.3655 / 112], [62.7299 / 96, 92.2041 / 112]];

// MobileFace_Align v1 (becauseofAI/MobileFace, mobileface_align_v1.npy): eye centres and the mouth
// centre as fractions of the side, an exact 3-point affine (cv2.getAffineTransform).
const MOBILEFACE_ALIGN: Point[] = [[0.236842, 0.318182], [0.763158, 0.318182], [0.5, 0.772727]];

export type ChipAlignment = "dlib68" | "dlib5" | "arcface" | "openvino-reid" | "mobileface-align";

/** Mesh points and their positions in a dlib face chip of `size` px with dlib's `padding`. */
export function dlibCorrespondences(mesh: Float32Array, { size, padding, points }: { size: number; padding: number; points: "dlib68" | "dlib5" }): { from: Point[]; to: Point[] } {
  const place = (u: number, v: number): Point => [((padding + u) / (2 * padding + 1)) * size + 0.5, ((padding + v) / (2 * padding + 1)) * size + 0.5];
  if (points === "dlib5") return { from: DLIB5.map(([i]) => meshPoint(mesh, i)), to: DLIB5.map(([, u, v]) => place(u, v)) };
  const from: Point[] = [], to: Point[] = [];
  for (const [ibug, meshIndex] of Object.entries(DLIB68_FROM_MESH)) {
    const k = Number(ibug) - 17;
    from.push(meshPoint(mesh, meshIndex));
    to.push(place(DLIB_MEAN_X[k], DLIB_MEAN_Y[k]));
  }
  return { from, to };
}

/** Chip-to-image matrix (for warpToTensor) of the canonical crop a recogniser was trained on. */
export function alignmentMatrix(opts: { mesh: Float32Array; landmarks: FivePoints; alignment: ChipAlignment; size: number; padding?: number }): Affine {
  if (opts.alignment === "arcface") {
    const l = opts.landmarks;
    const s = opts.size / 112;
    // +0.5: InsightFace's template is in OpenCV pixel-index coordinates; ours are continuous.
    const to = ARCFACE_112.map(([x, y]): Point => [x * s + 0.5, y * s + 0.5]);
    return invertAffine(estimateSimilarity([l.leftEye, l.rightEye, l.nose, l.mouthLeft, l.mouthRight], to));
  }
  if (opts.alignment === "openvino-reid") {
    const l = opts.landmarks;
    // upstream aligns on a larger canvas (400 px, or the detector's box) and resizes to 128, so the
    // pixel-index offset shrinks to ~0.16 px: taken as continuous coordinates
    const to = OPENVINO_REID.map(([x, y]): Point => [x * opts.size, y * opts.size]);
    return invertAffine(estimateSimilarity([l.leftEye, l.rightEye, l.nose, l.mouthLeft, l.mouthRight], to));
  }
  if (opts.alignment === "mobileface-align") {
    const l = opts.landmarks;
    const mouth: Point = [(l.mouthLeft[0] + l.mouthRight[0]) / 2, (l.mouthLeft[1] + l.mouthRight[1]) / 2];
    // +0.5: cv2 warps straight to the chip in pixel-index coordinates
    const to = MOBILEFACE_ALIGN.map(([x, y]): Point => [x * opts.size + 0.5, y * opts.size + 0.5]);
    return invertAffine(affineFromThreePoints([l.leftEye, l.rightEye, mouth], to));
  }
  const { from, to } = dlibCorrespondences(opts.mesh, { size: opts.size, padding: opts.padding ?? 0.25, points: opts.alignment });
  return invertAffine(estimateSimilarity(from, to));
}

/** The affine map taking three points exactly onto three others. */
export function affineFromThreePoints(from: Point[], to: Point[]): Affine {
  const [[x0, y0], [x1, y1], [x2, y2]] = from;
  const det = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
  if (Math.abs(det) < 1e-12) throw new Error("alignment points are collinear");
  const solve = (v0: number, v1: number, v2: number): [number, number, number] => {
    const a = ((v1 - v0) * (y2 - y0) - (v2 - v0) * (y1 - y0)) / det;
    const b = ((x1 - x0) * (v2 - v0) - (x2 - x0) * (v1 - v0)) / det;
    return [a, b, v0 - a * x0 - b * y0];
  };
  const [a, b, c] = solve(to[0][0], to[1][0], to[2][0]);
  const [d, e, f] = solve(to[0][1], to[1][1], to[2][1]);
  return [a, b, c, d, e, f];
}
