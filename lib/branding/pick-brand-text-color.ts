// Text on a brand-coloured button: white or near-black, whichever contrasts more with the brand colour
// (WCAG 2.x relative luminance). `passes` says whether that best choice reaches AA for normal text
// (4.5:1); mid-tone colours (pure orange, a light red) reach it with neither, and the console warns.
export const NEAR_BLACK = "#0f172a";
export const WHITE = "#ffffff";
export const AA_CONTRAST = 4.5;

export type Rgb = [number, number, number];
export type BrandTextColor = { text: typeof WHITE | typeof NEAR_BLACK; contrast: number; passes: boolean };

export function parseHexColor(color: string): Rgb | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

export function relativeLuminance([r, g, b]: Rgb): number {
  const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrastRatio(a: Rgb, b: Rgb): number {
  const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** null when `brand` is not a #rgb / #rrggbb colour */
export function pickBrandTextColor(brand: string): BrandTextColor | null {
  const rgb = parseHexColor(brand);
  if (!rgb) return null;
  const onWhite = contrastRatio(rgb, parseHexColor(WHITE)!);
  const onBlack = contrastRatio(rgb, parseHexColor(NEAR_BLACK)!);
  const [text, contrast] = onWhite >= onBlack ? ([WHITE, onWhite] as const) : ([NEAR_BLACK, onBlack] as const);
  return { text, contrast: Math.round(contrast * 100) / 100, passes: contrast >= AA_CONTRAST };
}
