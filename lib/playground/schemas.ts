import { z } from "zod";

export const playgroundChecks = ["face-match", "passive-liveness", "face-search"] as const;
export const playgroundCheckSchema = z.enum(playgroundChecks);
export type PlaygroundCheck = z.infer<typeof playgroundCheckSchema>;

/** The image fields each check takes, in the /v3 spelling the curl command uses too. */
export const playgroundImageFields: Record<PlaygroundCheck, readonly string[]> = {
  "face-match": ["source_image", "target_image"],
  "passive-liveness": ["user_image"],
  "face-search": ["user_image"],
};
