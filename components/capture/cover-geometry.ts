// The preview shows the camera with `object-fit: cover`: only a centred crop of the frame is visible.
// Guidance and the oval must agree on coordinates, so everything is expressed in video pixels.
export type Rect = { x: number; y: number; width: number; height: number };
export type Oval = { cx: number; cy: number; rx: number; ry: number };

/** The part of a video frame that a `cover` box of the given size shows, in video pixels. */
export function visibleCrop({ videoWidth, videoHeight, boxWidth, boxHeight }: { videoWidth: number; videoHeight: number; boxWidth: number; boxHeight: number }): Rect {
  if (!videoWidth || !videoHeight || !boxWidth || !boxHeight) return { x: 0, y: 0, width: videoWidth, height: videoHeight };
  const scale = Math.max(boxWidth / videoWidth, boxHeight / videoHeight);
  const width = boxWidth / scale;
  const height = boxHeight / scale;
  return { x: (videoWidth - width) / 2, y: (videoHeight - height) / 2, width, height };
}

// Where the oval sits in the preview box, in box pixels: centred, a bit above the middle, sized to
// leave room for the guidance text below it; a face ~60-90% of its width is a good selfie.
export function ovalInBox({ boxWidth, boxHeight }: { boxWidth: number; boxHeight: number }): Oval {
  const rx = Math.min(boxWidth * 0.36, boxHeight * 0.26);
  return { cx: boxWidth / 2, cy: boxHeight * 0.42, rx, ry: rx * 1.3 };
}

/** The same oval in video pixels, given the visible crop of a box of that size. */
export function ovalInVideo({ oval, crop, boxWidth }: { oval: Oval; crop: Rect; boxWidth: number }): Oval {
  const s = crop.width / boxWidth;
  return { cx: crop.x + oval.cx * s, cy: crop.y + oval.cy * s, rx: oval.rx * s, ry: oval.ry * s };
}
