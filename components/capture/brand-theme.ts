import type { CSSProperties } from "react";

// The integrator's colour, made safe to use: only hex colours are accepted, text on a brand button
// is white or near-black (whichever reads better) and brand-coloured text on white is darkened until
// it passes WCAG AA (4.5:1), so any brand colour keeps the page legible.
const FALLBACK = "#2f6fec";

function parseHex(color: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
const toHex = (rgb: number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;

export function brandStyle(color: string | null | undefined): CSSProperties {
  const rgb = parseHex(color ?? "") ?? parseHex(FALLBACK)!;
  const lum = luminance(rgb);
  const onBrand = contrast(lum, 1) >= contrast(lum, luminance([15, 23, 42])) ? "#ffffff" : "#0f172a";
  let ink = rgb;
  for (let k = 0.9; contrast(luminance(ink), 1) < 4.5 && k > 0; k -= 0.1) ink = rgb.map((c) => c * k) as [number, number, number];
  return { "--brand": toHex(rgb), "--brand-fg": onBrand, "--brand-ink": toHex(ink), "--brand-soft": `${toHex(rgb)}1a` } as CSSProperties;
}
