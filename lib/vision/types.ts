// Shared shapes of the vision engine. Coordinates are pixels of the (EXIF-oriented) input image.

/** RGB, 3 channels, row-major; what lib/media's decoder returns. */
export type DecodedImage = { data: Uint8Array; width: number; height: number };

export type Point = [number, number];
export type Box = { x: number; y: number; width: number; height: number };

/** Five points in image order: the eye on the image's left first (the subject's right eye). */
export type FivePoints = { leftEye: Point; rightEye: Point; nose: Point; mouthLeft: Point; mouthRight: Point };

export type DetectedFace = {
  box: Box;
  /** detector score x landmark-model face flag, 0-1 */
  confidence: number;
  landmarks: FivePoints;
  /** 468 FaceMesh points, x,y,z interleaved; z is relative depth in pixels */
  mesh: Float32Array;
};

export type Rotation = 0 | 90 | 180 | 270;

/** 2x3 affine matrix [a, b, c, d, e, f]: (x, y) -> (a*x + b*y + c, d*x + e*y + f). */
export type Affine = [number, number, number, number, number, number];

export type FaceQuality = { size: number; sharpness: number; luminance: number; pose: number; overall: number };
export type QualityWarning = "LOW_FACE_QUALITY" | "LOW_FACE_LUMINANCE" | "HIGH_FACE_LUMINANCE";
