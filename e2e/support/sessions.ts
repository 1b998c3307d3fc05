import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { webcrypto } from "node:crypto";
import { formatDeviceKeyMessage } from "@/lib/capture/format-device-key-message";
import { facesDir, padDir } from "./datasets";
import { liveBurst } from "./face-camera";

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

function datasetPath(relative: string): string {
  return relative.startsWith("pad:") ? path.join(padDir, relative.slice(4)) : path.join(facesDir, relative);
}

export function imageBytes(relative: string): Buffer {
  return readFileSync(datasetPath(relative));
}

/** A device key as the hosted page makes it: ECDSA P-256, private key not extractable. */
export type DeviceKey = { pair: CryptoKeyPair; publicKey: string };

export async function createDeviceKey(): Promise<DeviceKey> {
  const pair = await webcrypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
  return { pair, publicKey: Buffer.from(await webcrypto.subtle.exportKey("spki", pair.publicKey)).toString("base64url") };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// the body is whatever JSON the endpoint answered, as with fetch().json()
type Reply = { status: number; body: ReturnType<typeof JSON.parse> };

export class CaptureClient {
  cookie = "";
  /** the page's device key; without one the server never counts the device as known */
  deviceKey: DeviceKey | null = null;

  /** `localAddress`: the client address the server sees (any 127.x.y.z on loopback) */
  constructor(
    private readonly baseUrl: string,
    readonly token: string,
    private readonly headers: Record<string, string> = {},
    private readonly options: { localAddress?: string } = {},
  ) {}

  // node:http rather than fetch, so a test can choose the address it connects from
  private async call(method: string, suffix: string, body?: FormData | Record<string, unknown>): Promise<Reply> {
    const url = new URL(`${this.baseUrl}/api/capture/${this.token}${suffix}`);
    const encoded = body instanceof FormData ? new Request(url, { method, body }) : body ? new Request(url, { method, body: JSON.stringify(body), headers: { "content-type": "application/json" } }) : null;
    const bytes = encoded ? Buffer.from(await encoded.arrayBuffer()) : null;
    const headers: Record<string, string> = { ...this.headers, ...(this.cookie ? { cookie: this.cookie } : {}) };
    if (encoded && bytes) Object.assign(headers, { "content-type": encoded.headers.get("content-type")!, "content-length": String(bytes.length) });
    return new Promise((resolve, reject) => {
      const req = http.request({ hostname: url.hostname, port: url.port, path: url.pathname, method, headers, localAddress: this.options.localAddress }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const set = ([] as string[]).concat(res.headers["set-cookie"] ?? []).find((c) => c.startsWith("faceid_device="));
          if (set) this.cookie = set.split(";")[0];
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null });
        });
      });
      req.on("error", reject);
      req.end(bytes ?? undefined);
    });
  }

  state() {
    return this.call("GET", "");
  }

  /** Start as the page does: with the device key's signature of the session's nonce when it has a key;
   * `extra`: more of the body (`avoid_flashing`). */
  async start(extra: Record<string, unknown> = {}) {
    if (!this.deviceKey) return this.call("POST", "/start", Object.keys(extra).length ? extra : undefined);
    const { body } = await this.state();
    const message = new TextEncoder().encode(formatDeviceKeyMessage({ sessionId: body.sessionId, nonce: body.deviceNonce ?? "" }));
    const signature = Buffer.from(await webcrypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, this.deviceKey.pair.privateKey, message)).toString("base64url");
    return this.call("POST", "/start", { device_key: { public_key: this.deviceKey.publicKey, signature }, ...extra });
  }

  /** Frames as they are, nothing else: a FLASHING or ACTIVE_3D answer, or an upload that is no burst. */
  answer(challengeId: string, images: Buffer[]) {
    return this.answerBurst(challengeId, { frames: images });
  }

  /** An ACTIVE_3D answer with its trace: `trace` small frames, `traceTimes` [turn, ms after its prompt]
   * each, `turnTimes` ms from each prompt to its turn frame; text fields are sent as given. */
  answerTurns(challengeId: string, input: { frames: Buffer[]; trace: Buffer[]; traceTimes: string; turnTimes: string }) {
    const form = new FormData();
    form.append("challenge_id", challengeId);
    for (const bytes of input.frames) form.append("frames", new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), "frame.jpg");
    for (const bytes of input.trace) form.append("trace", new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), "trace.jpg");
    form.append("trace_times", input.traceTimes);
    form.append("turn_times", input.turnTimes);
    return this.call("POST", "/frames", form);
  }

  requestBurst(challengeId: string) {
    return this.call("POST", "/burst", { challenge_id: challengeId });
  }

  answerBurst(challengeId: string, input: { frames: Buffer[]; nonce?: string; times?: number[] }) {
    const form = new FormData();
    form.append("challenge_id", challengeId);
    for (const bytes of input.frames) form.append("frames", new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), "frame.jpg");
    if (input.nonce) form.append("burst_nonce", input.nonce);
    if (input.times) form.append("frame_times", JSON.stringify(input.times));
    return this.call("POST", "/frames", form);
  }

  /** A PASSIVE burst as the page takes it: nonce, then the frames `frames` at camera pace, then the upload. */
  async captureBurst(challengeId: string, frames: Buffer[]) {
    const ticket = await this.requestBurst(challengeId);
    if (ticket.status !== 200) throw new Error(`burst nonce refused: ${JSON.stringify(ticket.body)}`);
    const t0 = performance.now();
    const times: number[] = [];
    for (let i = 0; i < frames.length; i++) {
      // the hosted page varies each gap (components/capture/capture-burst.ts)
      if (i > 0) await sleep(ticket.body.intervalMs + Math.round(Math.random() * 60));
      times.push(Math.round((performance.now() - t0) * 10) / 10);
    }
    return this.answerBurst(challengeId, { frames, nonce: ticket.body.nonce, times });
  }

  /** PASSIVE with a live camera showing this dataset face (fake-camera video, e2e/support/face-camera.ts). */
  async captureLive(challengeId: string, image: string) {
    return this.captureBurst(challengeId, await liveBurst(datasetPath(image)));
  }
}
