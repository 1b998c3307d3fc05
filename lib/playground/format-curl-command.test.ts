import { describe, expect, it } from "vitest";
import { formatCurlCommand } from "./format-curl-command";

describe("formatCurlCommand", () => {
  it("writes the /v3 call with the key as a shell variable and the uploaded file names", () => {
    const curl = formatCurlCommand({
      check: "face-match",
      baseUrl: "https://id.example.com/",
      files: [{ field: "source_image", filename: "selfie.jpg" }, { field: "target_image", filename: "id photo.png" }],
      fields: { rotate_image: "true", save_api_request: "false" },
    });
    expect(curl).toBe(
      [
        "curl -X POST 'https://id.example.com/v3/face-match/'",
        `-H "x-api-key: $API_KEY"`,
        "-F 'source_image=@selfie.jpg'",
        "-F 'target_image=@id photo.png'",
        "-F 'rotate_image=true'",
        "-F 'save_api_request=false'",
      ].join(" \\\n  "),
    );
  });

  it("replaces file names a shell or curl would misread", () => {
    const curl = formatCurlCommand({ check: "passive-liveness", baseUrl: "http://localhost:3000", files: [{ field: "user_image", filename: "me';rm -rf ~.jpg" }], fields: {} });
    expect(curl).toContain("-F 'user_image=@image-1.jpg'");
    expect(curl).not.toContain("rm -rf");
    expect(formatCurlCommand({ check: "face-search", baseUrl: "http://h", files: [{ field: "user_image", filename: "-x.jpg" }], fields: {} })).toContain("@image-1.jpg");
  });
});
