import { describe, expect, it } from "vitest";
import { checkDestinationUrl } from "@/lib/webhooks/check-destination-url";

const refused = (url: string) => expect(checkDestinationUrl(url, { allowPrivate: false })).rejects.toMatchObject({ code: "validation_error", field: "url" });

describe("checkDestinationUrl", () => {
  it("refuses non-http schemes and credentials", async () => {
    await refused("ftp://example.com/hook");
    await refused("file:///etc/passwd");
    await refused("https://user:pass@example.com/hook");
  });

  it("refuses loopback, private, link-local and metadata literals", async () => {
    for (const url of ["http://127.0.0.1:8080/", "http://[::1]/", "http://10.0.0.5/", "http://169.254.169.254/latest/meta-data/", "http://[fd00::1]/", "http://100.64.1.1/", "http://0.0.0.0/", "http://[::ffff:127.0.0.1]/"]) {
      await refused(url);
    }
  });

  it("refuses names that resolve to loopback", async () => {
    await refused("http://localhost:3000/hook");
  });

  it("allows them when the operator allows private networks", async () => {
    await expect(checkDestinationUrl("http://127.0.0.1:8080/", { allowPrivate: true })).resolves.toEqual(["127.0.0.1"]);
  });

  it("accepts a public address literal without DNS", async () => {
    await expect(checkDestinationUrl("https://93.184.215.14/hook", { allowPrivate: false })).resolves.toEqual(["93.184.215.14"]);
  });
});
