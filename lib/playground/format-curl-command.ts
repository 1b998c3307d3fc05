import type { PlaygroundCheck } from "./schemas";

// curl's -F splits its value on ";" and "," and a shell would read quotes or "$": names with anything
// beyond these are replaced by a stand-in the user renames their file to.
const SAFE_NAME = /^[A-Za-z0-9._ -]{1,100}$/;

/**
 * The /v3 call that reproduces a playground result, with the application's key left as $API_KEY so the
 * command can be copied into a terminal as it is (the key itself never reaches the page).
 */
export function formatCurlCommand(input: { check: PlaygroundCheck; baseUrl: string; files: { field: string; filename: string }[]; fields: Record<string, string> }): string {
  const lines = [`curl -X POST '${input.baseUrl.replace(/\/+$/, "")}/v3/${input.check}/'`, `-H "x-api-key: $API_KEY"`];
  input.files.forEach(({ field, filename }, i) => {
    const name = SAFE_NAME.test(filename) && !filename.startsWith("-") ? filename : `image-${i + 1}.jpg`;
    lines.push(`-F '${field}=@${name}'`);
  });
  for (const [name, value] of Object.entries(input.fields)) lines.push(`-F '${name}=${value}'`);
  return lines.join(" \\\n  ");
}
