import { describe, expect, it } from "vitest";
import { embedOriginSchema } from "@/lib/applications/schemas";

describe("embedding origins", () => {
  it("accepts origins and subdomain wildcards, normalised", () => {
    expect(embedOriginSchema.parse(" HTTPS://App.Example.com/ ")).toBe("https://app.example.com");
    expect(embedOriginSchema.parse("https://*.example.com")).toBe("https://*.example.com");
    expect(embedOriginSchema.parse("http://localhost:8080")).toBe("http://localhost:8080");
  });

  it("refuses anything that is not a bare origin or could break out of the CSP directive", () => {
    for (const bad of ["https://a.example/path", "https://a.example; script-src *", "'self'", "*", "javascript:alert(1)", "https://a b.example", "ftp://a.example", "https://a.example,https://b.example"]) {
      expect(embedOriginSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
