// Pixel statistics of a small RGBA thumbnail of the oval region (e.g. 48x48), cheap enough for every
// guidance tick: brightness, clipping and how much the picture changed since the previous tick.
export type FrameStats = {
  /** mean luma, 0-255 */
  luma: number;
  /** fraction of pixels near white */
  clipped: number;
  /** mean absolute luma change per pixel against the previous thumbnail; null on the first tick */
  motion: number | null;
  /** this tick's luma thumbnail, to pass back as `previous` */
  thumb: Uint8Array;
};

export function measureFrame({ rgba, previous }: { rgba: Uint8ClampedArray; previous: Uint8Array | null }): FrameStats {
  const n = rgba.length / 4;
  const thumb = new Uint8Array(n);
  let sum = 0;
  let bright = 0;
  let diff = 0;
  for (let i = 0; i < n; i++) {
    const y = (rgba[i * 4] * 299 + rgba[i * 4 + 1] * 587 + rgba[i * 4 + 2] * 114) / 1000;
    thumb[i] = y;
    sum += y;
    if (y >= 245) bright++;
    if (previous) diff += Math.abs(y - previous[i]);
  }
  const comparable = previous !== null && previous.length === n;
  return { luma: n ? sum / n : 0, clipped: n ? bright / n : 0, motion: comparable && n ? diff / n : null, thumb };
}
