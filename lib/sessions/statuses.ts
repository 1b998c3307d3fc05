import { z } from "zod";

// Exact strings of the API contract.
export const sessionStatuses = [
  "Not Started",
  "In Progress",
  "Awaiting User",
  "In Review",
  "Approved",
  "Declined",
  "Resubmitted",
  "Expired",
  "Kyc Expired",
  "Abandoned",
] as const;

export const sessionStatusSchema = z.enum(sessionStatuses);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const checkStatuses = ["Approved", "Declined", "In Review", "Not Finished"] as const;
export type CheckStatus = (typeof checkStatuses)[number];
