import type { z } from "zod";

export type PageSearchParams = Record<string, string | string[] | undefined>;
export type FilterProblem = { field: string; message: string };

// A list page's filters from its address. Invalid ones (a score of 150, a 45th of a month) are not an
// error page: the page shows what is wrong and keeps the values in its filter bar to correct them.
export function readPageFilters<S extends z.ZodType>(schema: S, params: PageSearchParams): { raw: Record<string, string | undefined>; filters: z.infer<S> | null; problems: FilterProblem[] } {
  const raw = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { raw, filters: parsed.data, problems: [] };
  return { raw, filters: null, problems: parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })) };
}
