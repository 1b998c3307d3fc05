import { describe, expect, it } from "vitest";
import { checkDestinationUrl } from "@/lib/webhooks/check-destination-url";

const refused = (url: string) => expect(checkDestinationUrl(url, { allowPrivate: false, allowedPorts: "any" })).rejects.toMatchObject({ code: "validation_error", field: "url" });

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

  it("refuses IPv6 forms that carry a private IPv4 (mapped, compatible, 6to4, Teredo, NAT64) and IPv4 spelled as a number", async () => {
    for (const url of [
      "http://[::ffff:7f00:1]/",
      "http://[::127.0.0.1]/",
      "http://[2002:a9fe:a9fe::]/latest/meta-data/",
      "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",
      "http://[64:ff9b::10.0.0.1]/",
      "http://[64:ff9b:1::8.8.8.8]/",
      "http://2130706433/",
      "http://0x7f.1/",
    ]) {
      await refused(url);
    }
  });

  it("allows only the configured ports, private networks allowed or not", async () => {
    const check = (url: string, allowedPorts: number[] | "any", allowPrivate = false) => checkDestinationUrl(url, { allowPrivate, allowedPorts });
    const web = [80, 443, 8080, 8443];
    await expect(check("https://93.184.215.14/hook", web)).resolves.toEqual(["93.184.215.14"]);
    await expect(check("http://93.184.215.14:8080/hook", web)).resolves.toEqual(["93.184.215.14"]);
    for (const url of ["http://93.184.215.14:22/", "http://93.184.215.14:6379/", "https://93.184.215.14:80443/"]) {
      await expect(check(url, web)).rejects.toMatchObject({ code: "validation_error", field: "url" });
    }
    // the default port of the scheme is what counts
    await expect(check("http://93.184.215.14/", [443])).rejects.toMatchObject({ message: expect.stringContaining("port 80") });
    await expect(check("http://127.0.0.1:5432/", web, true)).rejects.toMatchObject({ message: expect.stringContaining("port 5432") });
    await expect(check("http://127.0.0.1:5432/", "any", true)).resolves.toEqual(["127.0.0.1"]);
  });

  it("refuses names that resolve to loopback", async () => {
    await refused("http://localhost:3000/hook");
  });

  it("allows them when the operator allows private networks", async () => {
    await expect(checkDestinationUrl("http://127.0.0.1:8080/", { allowPrivate: true, allowedPorts: "any" })).resolves.toEqual(["127.0.0.1"]);
  });

  it("accepts a public address literal without DNS", async () => {
    await expect(checkDestinationUrl("https://93.184.215.14/hook", { allowPrivate: false, allowedPorts: "any" })).resolves.toEqual(["93.184.215.14"]);
  });
});
