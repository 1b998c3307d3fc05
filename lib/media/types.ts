export type ImageFormat = "jpeg" | "png" | "webp";

export type DecodedImage = {
  /** RGB, exactly 3 channels, 8 bits each, row-major, sRGB. */
  data: Uint8Array;
  width: number;
  height: number;
  format: ImageFormat;
  /** Size after EXIF orientation and before downscaling, so coordinates can be mapped back. */
  originalWidth: number;
  originalHeight: number;
};

export type DecodeImageOptions = {
  maxBytes?: number;
  maxPixels?: number;
  /** Longest side of the returned pixels; larger images are downscaled. */
  maxSide?: number;
  /** Request field name reported in errors, e.g. "user_image". */
  field?: string;
};
