import { z } from "zod";

// Query strings of the console's list pages and the bodies of its actions, shared by pages and routes.
const optionalText = z.string().trim().max(200).optional().transform((v) => (v ? v : undefined));
// A score filter: empty means none; anything else must be a number from 0 to 100 (the page says so
// rather than failing).
const optionalScore = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v.trim() === "") return undefined;
    const n = Number(v);
    if (Number.isFinite(n) && n >= 0 && n <= 100) return n;
    ctx.addIssue({ code: "custom", message: `must be a score from 0 to 100, not "${v.slice(0, 20)}"` });
    return z.NEVER;
  });
// A day (YYYY-MM-DD) that exists in the calendar: 2026-13-45 is refused, not turned into an invalid date.
export const isCalendarDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00.000Z`)) && new Date(`${v}T00:00:00.000Z`).toISOString().startsWith(v);
const optionalDate = z
  .string()
  .optional()
  .refine((v) => !v || isCalendarDay(v), { message: "must be a date such as 2026-03-31" })
  .transform((v) => v || undefined);
const page = z.coerce.number().int().min(1).max(10_000).catch(1).default(1);

// A published version number; and an A/B branch as "splitNodeId:branchId" (matched against
// VerificationSession.splitBranches)
const optionalVersion = z
  .string()
  .optional()
  .refine((v) => !v || /^[1-9]\d{0,5}$/.test(v), { message: "must be a version number such as 2" })
  .transform((v) => (v ? Number(v) : undefined));
const optionalBranch = z
  .string()
  .optional()
  .refine((v) => !v || /^[A-Za-z0-9._-]{1,100}:[A-Za-z0-9._-]{1,100}$/.test(v), { message: "must be a split and its branch, such as ab-split-1:b" })
  .transform((v) => v || undefined);

export const sessionFiltersSchema = z.object({
  status: optionalText,
  workflow: optionalText,
  version: optionalVersion,
  branch: optionalBranch,
  vendor_data: optionalText,
  from: optionalDate,
  to: optionalDate,
  fm_min: optionalScore,
  fm_max: optionalScore,
  lv_min: optionalScore,
  lv_max: optionalScore,
  page,
});
export type SessionFilters = z.infer<typeof sessionFiltersSchema>;

const sessionRef = optionalText.refine((v) => v === undefined || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v) || /^#?\d{1,9}$/.test(v), "must be a session id or a session number");
export const auditFiltersSchema = z.object({ actor: optionalText, action: optionalText, session: sessionRef, from: optionalDate, to: optionalDate, page });
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export const reviewCommentSchema = z.object({ comment: z.string().trim().min(1, "Write a comment first.").max(2000) });

export const createFaceListSchema = z.object({ name: z.string().trim().min(1, "Give the list a name.").max(80), kind: z.enum(["blocklist", "allowlist"]) });

export const addSessionFaceSchema = z.object({ sessionId: z.string().uuid(), label: z.string().trim().max(200).nullish() });

export const addCaseFaceSchema = z.object({ listId: z.string().uuid("Pick a list."), label: z.string().trim().max(200).nullish() });

export const enrolFromSessionSchema = z.object({ sessionId: z.string().uuid() });

export const thresholdsSchema = z
  .object({
    faceMatchReviewThreshold: z.number().int().min(0).max(100),
    faceMatchDeclineThreshold: z.number().int().min(0).max(100),
    livenessReviewThreshold: z.number().int().min(0).max(100),
    livenessDeclineThreshold: z.number().int().min(0).max(100),
  })
  .refine((t) => t.faceMatchReviewThreshold >= t.faceMatchDeclineThreshold, { message: "The face match review threshold must not be below its decline threshold.", path: ["faceMatchReviewThreshold"] })
  .refine((t) => t.livenessReviewThreshold >= t.livenessDeclineThreshold, { message: "The liveness review threshold must not be below its decline threshold.", path: ["livenessReviewThreshold"] });

// A logo is kept inline as a data URL (the hosted page needs no extra request or signed link for it).
export const MAX_LOGO_BYTES = 100 * 1024;
export const brandingSchema = z.object({
  name: z.string().trim().min(1).max(80).nullable(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "Use a hex colour such as #1f57cc.").nullable(),
  logoUrl: z
    .string()
    .regex(/^data:image\/(png|jpeg|webp|svg\+xml);base64,[A-Za-z0-9+/=]+$/, "The logo must be a PNG, JPEG, WEBP or SVG image.")
    .refine((v) => Math.floor(((v.length - v.indexOf(",") - 1) * 3) / 4) <= MAX_LOGO_BYTES, "The logo must be at most 100 KB.")
    .nullable(),
});
export type Branding = z.infer<typeof brandingSchema>;

// The tuning page's what-if: application defaults to try (absent: the saved ones).
const queryScore = z.coerce.number().int().min(0).max(100).optional();
export const whatIfQuerySchema = z.object({ fm_review: queryScore, fm_decline: queryScore, lv_review: queryScore, lv_decline: queryScore });

// One workflow step's own thresholds from the tuning page (null: use the application default).
const stepScore = z.number().int().min(0).max(100).nullable();
export const workflowThresholdsSchema = z
  .object({ workflow_id: z.string().min(1).max(100), node_id: z.string().min(1).max(100), review_threshold: stepScore, decline_threshold: stepScore })
  .refine((b) => b.review_threshold === null || b.decline_threshold === null || b.decline_threshold <= b.review_threshold, { message: "The decline threshold cannot be above the review threshold.", path: ["decline_threshold"] });
