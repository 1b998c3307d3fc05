import type { CSSProperties } from "react";
import { contrastRatio, parseHexColor, pickBrandTextColor, type Rgb } from "@/lib/branding/pick-brand-text-color";

// The integrator's colour, made safe to use: only hex colours are accepted, text on a brand button
// is white or near-black (whichever reads better) and brand-coloured text on white is darkened until
// it passes WCAG AA (4.5:1), so any brand colour keeps the page legible.
const FALLBACK = "#2f6fec";
const WHITE: Rgb = [255, 255, 255];
const toHex = (rgb: number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;

export function brandStyle(color: string | null | undefined): CSSProperties {
  const rgb = parseHexColor(color ?? "") ?? parseHexColor(FALLBACK)!;
  const onBrand = pickBrandTextColor(toHex(rgb))!.text;
  let ink = rgb;
  for (let k = 0.9; contrastRatio(ink, WHITE) < 4.5 && k > 0; k -= 0.1) ink = rgb.map((c) => c * k) as Rgb;
  return { "--brand": toHex(rgb), "--brand-fg": onBrand, "--brand-ink": toHex(ink), "--brand-soft": `${toHex(rgb)}1a` } as CSSProperties;
}
