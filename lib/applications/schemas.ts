import { z } from "zod";
import { SUPPORTED_LANGUAGES } from "@/lib/capture/languages";
import { reasonCodesSchema } from "@/lib/review/reason-codes";

const score = z.number().int().min(0).max(100);

// Application.keepReferenceImages: whether the portrait_image sent with a session is kept for the
// reviewer; "in_review" (the default) keeps it only for sessions that land In Review.
export const REFERENCE_POLICIES = ["never", "in_review", "always"] as const;

// An origin allowed to embed the hosted page: scheme, host (optionally "*." for its subdomains) and
// port, nothing else. It is written into a Content-Security-Policy header, so the pattern also keeps
// out anything that could end the directive (spaces, ";", quotes).
export const embedOriginSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((v) => v.replace(/\/+$/, ""))
  .pipe(
    z
      .string()
      .max(200)
      .regex(/^https?:\/\/(\*\.)?([a-z0-9](-*[a-z0-9])*\.)*[a-z0-9](-*[a-z0-9])*(:\d{1,5})?$/, "Write an origin such as https://app.example.com (scheme, host and optional port; *.example.com for subdomains)"),
  );

export const updateApplicationSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    faceMatchReviewThreshold: score,
    faceMatchDeclineThreshold: score,
    livenessReviewThreshold: score,
    livenessDeclineThreshold: score,
    // null keeps data forever; otherwise 30 days to 10 years
    retentionDays: z.number().int().min(30).max(3650).nullable(),
    saveApiRequests: z.boolean(),
    // null: any site may embed the hosted page; []: none; otherwise only these origins
    embedOrigins: z.array(embedOriginSchema).max(20).nullable(),
    // lib/sessions/keep-reference-image.ts
    keepReferenceImages: z.enum(REFERENCE_POLICIES),
    // put the face of every declined session on the built-in blocklist
    autoBlocklistDeclined: z.boolean(),
    // the reasons reviewers pick for decisions; null restores the defaults (lib/review/reason-codes.ts)
    reasonCodes: reasonCodesSchema.nullable(),
    // the hosted page's language when neither the session nor the browser names a supported one
    defaultLanguage: z.enum(SUPPORTED_LANGUAGES, { error: `must be one of ${SUPPORTED_LANGUAGES.join(", ")}` }),
  })
  .partial()
  .strict();

export type ApplicationChanges = z.infer<typeof updateApplicationSchema>;
