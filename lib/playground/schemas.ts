/** The checks the console playground runs, named as their /v3 paths. */
export type PlaygroundCheck = "face-match" | "passive-liveness" | "face-search";

/** The image fields each check takes, in the /v3 spelling the curl command uses too. */
export const playgroundImageFields: Record<PlaygroundCheck, readonly string[]> = {
  "face-match": ["source_image", "target_image"],
  "passive-liveness": ["user_image"],
  "face-search": ["user_image"],
};
