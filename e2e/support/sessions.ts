import { readFileSync } from "node:fs";
import path from "node:path";
import { facesDir, padDir } from "./datasets";

// Drives a session like the hosted page does, over HTTP: create it with the API key, then start and
// answer challenges through the capture endpoints with the token from its URL.
export type Api = { url: string; key: string };

export async function api(a: Api, method: string, p: string, body?: unknown) {
  const res = await fetch(`${a.url}${p}`, { method, headers: { "x-api-key": a.key, ...(body ? { "content-type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

export async function workflowIdByLabel(a: Api, label: string): Promise<string> {
  const { body } = await api(a, "GET", "/v3/workflows/");
  const found = (body.results as { workflow_id: string; workflow_label: string }[]).find((w) => w.workflow_label === label);
  if (!found) throw new Error(`no workflow ${label}`);
  return found.workflow_id;
}

export function tokenOf(sessionUrl: string): string {
  return new URL(sessionUrl).pathname.split("/").pop()!;
}

export function imageBytes(relative: string): Buffer {
  return readFileSync(relative.startsWith("pad:") ? path.join(padDir, relative.slice(4)) : path.join(facesDir, relative));
}

export class CaptureClient {
  cookie = "";
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  private async call(method: string, suffix: string, body?: FormData) {
    const res = await fetch(`${this.baseUrl}/api/capture/${this.token}${suffix}`, { method, body, headers: { ...this.headers, ...(this.cookie ? { cookie: this.cookie } : {}) } });
    const set = res.headers.getSetCookie().find((c) => c.startsWith("faceid_device="));
    if (set) this.cookie = set.split(";")[0];
    return { status: res.status, body: await res.json() };
  }

  state() {
    return this.call("GET", "");
  }

  start() {
    return this.call("POST", "/start");
  }

  answer(challengeId: string, images: Buffer[]) {
    const form = new FormData();
    form.append("challenge_id", challengeId);
    for (const bytes of images) form.append("frames", new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), "frame.jpg");
    return this.call("POST", "/frames", form);
  }
}
