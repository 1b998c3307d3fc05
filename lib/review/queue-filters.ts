import { z } from "zod";

// The review queue's filters, kept in the page address (/review?workflow=…&assignee=me&age=overdue) and
// in saved views as the same query string. Shared by the page, the queue endpoint and saved views.
export const queueAges = ["overdue", "1h", "4h", "24h", "3d", "7d"] as const;
export type QueueAge = (typeof queueAges)[number];
export const ageHours: Record<Exclude<QueueAge, "overdue">, number> = { "1h": 1, "4h": 4, "24h": 24, "3d": 72, "7d": 168 };

export const QUEUE_PAGE_SIZE = 50;
export const priorityLabels = ["Normal", "High", "Urgent"] as const;

export const queueFiltersSchema = z
  .object({
    workflow: z.string().uuid("workflow must be a workflow id.").optional(),
    // a risk code such as LOW_FACE_MATCH_SIMILARITY (why the case is in review)
    reason: z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/, "reason must be a risk code such as LOW_LIVENESS_SCORE.").optional(),
    // "me", "unassigned" or a console user id
    assignee: z.union([z.enum(["me", "unassigned"]), z.string().uuid("assignee must be me, unassigned or a user id.")]).optional(),
    // waiting at least this long, or past its SLA deadline
    age: z.enum(queueAges).optional(),
    priority: z.enum(["0", "1", "2"]).optional(),
    // four-eyes cases whose first decision waits for a second reviewer
    second: z.literal("awaiting").optional(),
  })
  .strict();
export type QueueFilters = z.infer<typeof queueFiltersSchema>;
export const filterKeys = Object.keys(queueFiltersSchema.shape) as (keyof QueueFilters)[];

export const queueQuerySchema = queueFiltersSchema.extend({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  // a case to open whatever the filters (a link from the session page)
  case: z.string().uuid("case must be a session id.").optional(),
  // the start of the reviewer's day (their time zone), for "decided today"
  day_start: z.iso.datetime({ offset: true }).optional(),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

// Query string → object, dropping empty values ("Any" in a select sends nothing).
export function readQuery(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params) if (v !== "") out[k] = v;
  return out;
}

// The filters of a query string in a stable order: what a saved view stores.
export function filtersToQuery(filters: QueueFilters): string {
  const q = new URLSearchParams();
  for (const k of filterKeys) if (filters[k]) q.set(k, filters[k]!);
  return q.toString();
}
