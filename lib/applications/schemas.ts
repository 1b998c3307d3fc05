import { z } from "zod";

const score = z.number().int().min(0).max(100);

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
  })
  .partial()
  .strict();

export type ApplicationChanges = z.infer<typeof updateApplicationSchema>;
