import type { z } from "zod";

export type PageSearchParams = Record<string, string | string[] | undefined>;
export type FilterProblem = { field: string; message: string };

// A list page's filters from its address. Invalid ones (a score of 150, a 45th of a month) are not an
// error page: the page shows what is wrong and keeps the values in its filter bar to correct them.
// `values`: what the filter bar shows, the parsed filters as text, or what was typed while any is invalid.
export function readPageFilters<S extends z.ZodType>(schema: S, params: PageSearchParams): { raw: Record<string, string | undefined>; filters: z.infer<S> | null; problems: FilterProblem[]; values: Record<string, string | undefined> } {
  const raw = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = schema.safeParse(raw);
  if (parsed.success) {
    const values = Object.fromEntries(Object.entries(parsed.data as Record<string, unknown>).map(([k, v]) => [k, v === undefined ? undefined : String(v)]));
    return { raw, filters: parsed.data, problems: [], values };
  }
  return { raw, filters: null, problems: parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })), values: raw };
}
