import { z } from "zod";
import { apiDecisionFields, apiStatuses } from "@/lib/review/schemas";
import { jsonObjectSchema } from "@/lib/validation/json-object";

// Echoed in every decision and webhook: 16 levels and 64 KB are far beyond real use.
const customerJson = (name: string) => jsonObjectSchema({ name, maxDepth: 16, maxBytes: 64 * 1024 });

const httpUrl = z
  .string()
  .url()
  .max(2048)
  .refine((u) => /^https?:\/\//i.test(u), "must be an http(s) URL");

export const createSessionSchema = z.object({
  workflow_id: z.string().uuid("workflow_id must be the id of one of your workflows"),
  vendor_data: z.string().trim().min(1).max(512).nullish(),
  callback: httpUrl.nullish(),
  callback_method: z.enum(["initiator", "completer", "both"]).nullish(),
  metadata: customerJson("metadata").nullish(),
  // a BCP 47 tag (en, ja, pt-BR); one the hosted page does not speak falls back to the browser's
  // Accept-Language, then the application's default language
  language: z.string().trim().max(16).regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/, "must be a language tag such as en, ja or pt-BR").nullish(),
  contact_details: customerJson("contact_details").nullish(),
  expected_details: customerJson("expected_details").nullish(),
  workflow_type: z.enum(["default", "kyc", "biometric_authentication"]).nullish(),
  // the decoded-size limit is checked when decoding (MAX_PORTRAIT_BASE64_BYTES); this says it in the API reference
  portrait_image: z
    .string()
    .min(1)
    .nullish()
    .meta({ description: "The reference face: base64 JPEG or PNG (a data: URL works too), at most 1 MB decoded and 25 megapixels. Required when the workflow has FACE_MATCH and no face is enrolled for vendor_data." }),
});
export type CreateSessionInput = z.infer<typeof createSessionSchema>;

export const listSessionsSchema = z.object({
  vendor_data: z.string().max(512).optional(),
  status: z.string().max(32).optional(),
  workflow_id: z.string().uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});

export const updateStatusSchema = z.object({
  new_status: z.enum(apiStatuses),
  comment: z.string().trim().max(2000).nullish(),
  ...apiDecisionFields,
});

export const createReviewSchema = z.object({
  comment: z.string().trim().min(1, "comment is required").max(2000),
  new_status: z.enum(apiStatuses).nullish(),
  ...apiDecisionFields,
});
