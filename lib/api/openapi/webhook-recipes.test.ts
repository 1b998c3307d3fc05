import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { canonicalize } from "@/lib/webhooks/canonicalize";
import { signPayload } from "@/lib/webhooks/sign-payload";
import { nodeVerifyRecipe, pythonVerifyRecipe } from "./webhook-recipes";

// The recipes printed in the API reference, run as a receiver would run them, on a delivery signed
// exactly as the worker signs it (lib/webhooks/deliver-one.ts).
const dir = mkdtempSync(path.join(tmpdir(), "faceid-recipes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const secret = "whsec-test-0123456789abcdef";
function delivery(overrides: { secret?: string; ageSeconds?: number } = {}) {
  const timestamp = Math.floor(Date.now() / 1000) - (overrides.ageSeconds ?? 0);
  const body = canonicalize({ session_id: "7f1c2b9e-1d2a-4c1e-9a43-0b8f2a0e3d7e", status: "Approved", webhook_type: "status.updated", created_at: timestamp, timestamp, vendor_data: "user-42", metadata: { score: 1.0, nested: { b: 2, a: "é" } }, workflow_id: null });
  const headers = signPayload({ body, secret: overrides.secret ?? secret, timestamp, sessionId: "7f1c2b9e-1d2a-4c1e-9a43-0b8f2a0e3d7e", status: "Approved", webhookType: "status.updated" });
  return { body, headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) };
}

function runNode(d: { body: string; headers: Record<string, string> }): string {
  writeFileSync(path.join(dir, "verify.mjs"), nodeVerifyRecipe);
  const program = `import { verifyWebhook } from ${JSON.stringify(path.join(dir, "verify.mjs"))};\nconst p = verifyWebhook(Buffer.from(process.argv[1], "utf8"), JSON.parse(process.argv[2]), process.argv[3]);\nconsole.log(p ? p.status : "rejected");`;
  return execFileSync(process.execPath, ["--input-type=module", "-e", program, d.body, JSON.stringify(d.headers), secret], { encoding: "utf8" }).trim();
}

function runPython(d: { body: string; headers: Record<string, string> }): string {
  writeFileSync(path.join(dir, "verify_webhook.py"), pythonVerifyRecipe);
  // a case-insensitive mapping, as Flask's request.headers is
  const program = `import json, sys\nsys.path.insert(0, ${JSON.stringify(dir)})\nfrom verify_webhook import verify_webhook\nclass H(dict):\n    def get(self, k, d=None):\n        return dict.get(self, k.lower(), d)\np = verify_webhook(sys.argv[1].encode(), H(json.loads(sys.argv[2])), sys.argv[3])\nprint(p["status"] if p else "rejected")`;
  return execFileSync("python3", ["-c", program, d.body, JSON.stringify(d.headers), secret], { encoding: "utf8" }).trim();
}

describe.each([
  ["Node", runNode],
  ["Python", runPython],
])("the %s webhook verification recipe", (_name, run) => {
  it("accepts a delivery signed with the destination's secret", () => {
    expect(run(delivery())).toBe("Approved");
  });

  it("rejects a wrong secret, a changed body and an old timestamp", () => {
    expect(run(delivery({ secret: "another-secret" }))).toBe("rejected");
    const tampered = delivery();
    expect(run({ ...tampered, body: tampered.body.replace("Approved", "Declined") })).toBe("rejected");
    expect(run(delivery({ ageSeconds: 600 }))).toBe("rejected");
  });
});
