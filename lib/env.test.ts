import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { getEnv, resetEnvCache } from "@/lib/env";

describe("operator environment", () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    resetEnvCache();
  });

  function load(vars: Record<string, string | undefined>) {
    process.env = { ...saved, ...vars };
    for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k];
    resetEnvCache();
    return getEnv();
  }

  it("defaults to SQLite in DATA_DIR and a localhost public URL on PORT", () => {
    const env = load({ DATA_DIR: "/tmp/x-data", DATABASE_URL: undefined, PORT: "4123", PUBLIC_URL: undefined });
    expect(env.databaseProvider).toBe("sqlite");
    expect(env.databaseUrl).toBe(`file:${path.join("/tmp/x-data", "faceid.db")}`);
    expect(env.publicUrl).toBe("http://localhost:4123");
  });

  it("recognises PostgreSQL URLs and trims the public URL", () => {
    const env = load({ DATABASE_URL: "postgresql://u@db:5432/app", PUBLIC_URL: "https://verify.example.com/" });
    expect(env.databaseProvider).toBe("postgresql");
    expect(env.publicUrl).toBe("https://verify.example.com");
  });

  it("accepts short admin emails like a@b.c and the private-network flag", () => {
    const env = load({ ADMIN_EMAIL: "a@b.c", WEBHOOK_ALLOW_PRIVATE_NETWORKS: "1" });
    expect(env.ADMIN_EMAIL).toBe("a@b.c");
    expect(env.WEBHOOK_ALLOW_PRIVATE_NETWORKS).toBe(true);
  });

  it("refuses a SEED_API_KEY shorter than 20 characters, saying so", () => {
    expect(() => load({ SEED_API_KEY: "short-key" })).toThrow(/SEED_API_KEY: must be at least 20 characters/);
    expect(load({ SEED_API_KEY: "a-seed-key-of-20-chr" }).SEED_API_KEY).toBe("a-seed-key-of-20-chr");
  });

  it("reads the webhook port list, * for any port, and refuses a malformed one", () => {
    expect(load({ WEBHOOK_ALLOWED_PORTS: undefined }).WEBHOOK_ALLOWED_PORTS).toEqual([80, 443, 8080, 8443]);
    expect(load({ WEBHOOK_ALLOWED_PORTS: "443, 9443" }).WEBHOOK_ALLOWED_PORTS).toEqual([443, 9443]);
    expect(load({ WEBHOOK_ALLOWED_PORTS: "*" }).WEBHOOK_ALLOWED_PORTS).toBe("any");
    expect(() => load({ WEBHOOK_ALLOWED_PORTS: "443,http" })).toThrow(/WEBHOOK_ALLOWED_PORTS/);
    expect(() => load({ WEBHOOK_ALLOWED_PORTS: "70000" })).toThrow(/WEBHOOK_ALLOWED_PORTS/);
  });

  it("fails with a message naming the bad variable", () => {
    expect(() => load({ PORT: "not-a-port" })).toThrow(/PORT/);
    expect(() => load({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
  });
});
