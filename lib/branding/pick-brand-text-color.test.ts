import { describe, expect, it } from "vitest";
import { contrastRatio, NEAR_BLACK, parseHexColor, pickBrandTextColor, relativeLuminance, WHITE } from "./pick-brand-text-color";

describe("pickBrandTextColor", () => {
  it("matches the WCAG reference values for luminance and contrast", () => {
    expect(relativeLuminance([255, 255, 255])).toBeCloseTo(1, 6);
    expect(relativeLuminance([0, 0, 0])).toBe(0);
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 6);
    // #767676 on white is the classic 4.54:1 grey
    expect(contrastRatio(parseHexColor("#767676")!, [255, 255, 255])).toBeCloseTo(4.54, 2);
  });

  it("puts white on dark brands and near-black on light ones", () => {
    expect(pickBrandTextColor("#0f766e")).toMatchObject({ text: WHITE, passes: true });
    expect(pickBrandTextColor("#1f57cc")).toMatchObject({ text: WHITE, passes: true });
    expect(pickBrandTextColor("#facc15")).toMatchObject({ text: NEAR_BLACK, passes: true });
    expect(pickBrandTextColor("#fff")).toMatchObject({ text: NEAR_BLACK, passes: true });
  });

  it("picks the higher contrast of the two", () => {
    for (const color of ["#ff8000", "#e8590c", "#f03e3e", "#777777", "#7950f2", "#228be6"]) {
      const pick = pickBrandTextColor(color)!;
      const other = pick.text === WHITE ? NEAR_BLACK : WHITE;
      expect(pick.contrast).toBeGreaterThanOrEqual(contrastRatio(parseHexColor(color)!, parseHexColor(other)!) - 0.01);
    }
    // orange reads better with dark text than with white
    expect(pickBrandTextColor("#ff8000")).toMatchObject({ text: NEAR_BLACK, passes: true });
  });

  it("says when neither white nor near-black reaches 4.5:1 (mid-tone colours)", () => {
    expect(pickBrandTextColor("#1c7ed6")).toMatchObject({ text: NEAR_BLACK, contrast: 4.25, passes: false });
    expect(pickBrandTextColor("#d9480f")).toMatchObject({ text: WHITE, contrast: 4.3, passes: false });
    expect(pickBrandTextColor("#777777")).toMatchObject({ passes: false });
    expect(pickBrandTextColor("#2b8a3e")).toMatchObject({ passes: false });
  });

  it("rejects what is not a hex colour", () => {
    expect(pickBrandTextColor("red")).toBeNull();
    expect(pickBrandTextColor("#12345")).toBeNull();
    expect(pickBrandTextColor("")).toBeNull();
  });
});
