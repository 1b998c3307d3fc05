import { describe, expect, it } from "vitest";
import { readPageFilters } from "./read-page-filters";
import { auditFiltersSchema, isCalendarDay, sessionFiltersSchema } from "./schemas";

describe("list page filters", () => {
  it("accepts valid filters and empty fields", () => {
    const read = readPageFilters(sessionFiltersSchema, { status: "Declined", fm_min: "80", fm_max: "", from: "2026-02-28", page: "2" });
    expect(read.problems).toEqual([]);
    expect(read.filters).toMatchObject({ status: "Declined", fm_min: 80, fm_max: undefined, from: "2026-02-28", page: 2 });
  });
  it("says what is wrong instead of throwing, and keeps the raw values", () => {
    const read = readPageFilters(sessionFiltersSchema, { status: "Declined", fm_min: "150", lv_max: "abc", from: "2026-13-45", to: ["2026-02-30", "x"] });
    expect(read.filters).toBeNull();
    expect(read.raw).toMatchObject({ status: "Declined", fm_min: "150", from: "2026-13-45", to: "2026-02-30" });
    expect(read.problems).toEqual([
      { field: "from", message: "must be a date such as 2026-03-31" },
      { field: "to", message: "must be a date such as 2026-03-31" },
      { field: "fm_min", message: 'must be a score from 0 to 100, not "150"' },
      { field: "lv_max", message: 'must be a score from 0 to 100, not "abc"' },
    ]);
    expect(readPageFilters(auditFiltersSchema, { from: "yesterday" }).problems).toHaveLength(1);
  });
  it("knows calendar days", () => {
    expect(["2026-01-31", "2028-02-29", "2026-12-31"].every(isCalendarDay)).toBe(true);
    expect(["2026-13-45", "2026-02-29", "2026-04-31", "2026-1-1", "26-01-01", ""].some(isCalendarDay)).toBe(false);
  });
});
