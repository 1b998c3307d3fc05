// FLASHING liveness: while the screen shows a random colour sequence, the light reflected by a real face
// close to the screen shifts its colour the same way. A printed photo held up, a replayed video or a
// still image does not follow a sequence it could not know. Works on chromaticity (colour independent
// of brightness), so auto-exposure changes between frames do not count as a response.
export type Rgb = [number, number, number];

function hexToRgb(hex: string): Rgb {
  const n = parseInt(hex.replace("#", ""), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function chroma([r, g, b]: Rgb): Rgb {
  const sum = r + g + b || 1;
  return [r / sum, g / sum, b / sum];
}

function centred(rows: Rgb[]): number[] {
  const mean = [0, 1, 2].map((c) => rows.reduce((s, r) => s + r[c], 0) / rows.length);
  return rows.flatMap((r) => r.map((v, c) => v - mean[c]));
}

export type FlashVerdict = { ok: boolean; correlation: number; amplitude: number };

export const MIN_FLASH_CORRELATION = 0.6;
// the face's chromaticity must move at least this much (std over frames and channels)
export const MIN_FLASH_AMPLITUDE = 0.003;

export function verifyFlashResponse(input: { colors: string[]; faceMeans: Rgb[] }): FlashVerdict {
  if (input.colors.length < 2 || input.faceMeans.length !== input.colors.length) return { ok: false, correlation: 0, amplitude: 0 };
  const expected = centred(input.colors.map((c) => chroma(hexToRgb(c))));
  const observed = centred(input.faceMeans.map(chroma));
  const dot = expected.reduce((s, v, i) => s + v * observed[i], 0);
  const ne = Math.hypot(...expected);
  const no = Math.hypot(...observed);
  const amplitude = no / Math.sqrt(observed.length);
  const correlation = ne && no ? dot / (ne * no) : 0;
  return { ok: correlation >= MIN_FLASH_CORRELATION && amplitude >= MIN_FLASH_AMPLITUDE, correlation, amplitude };
}
