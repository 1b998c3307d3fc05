import { z } from "zod";

// Query strings of the console's list pages and the bodies of its actions, shared by pages and routes.
const optionalText = z.string().trim().max(200).optional().transform((v) => (v ? v : undefined));
const optionalScore = z
  .union([z.literal(""), z.coerce.number().min(0).max(100)])
  .optional()
  .transform((v) => (v === "" || v === undefined ? undefined : v));
const optionalDate = z
  .string()
  .optional()
  .transform((v) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined));
const page = z.coerce.number().int().min(1).max(10_000).catch(1).default(1);

export const sessionFiltersSchema = z.object({
  status: optionalText,
  workflow: optionalText,
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

// the audit page reports a bad value instead of ignoring it (a mistyped filter must not look like "no entries")
const calendarDate = optionalText.refine((v) => v === undefined || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)), "must be a calendar date (YYYY-MM-DD)");
const sessionRef = optionalText.refine((v) => v === undefined || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v) || /^#?\d{1,9}$/.test(v), "must be a session id or a session number");
export const auditFiltersSchema = z.object({ actor: optionalText, action: optionalText, session: sessionRef, from: calendarDate, to: calendarDate, page });
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
