import type { Language } from "@/lib/capture/languages";
import { isRetryReason, type RetryReason } from "@/lib/capture/retry-reasons";
import type { BurstTicket, CaptureState, FrameResult } from "@/lib/capture/types";
import type { DeviceKeyProof } from "./device-key";

// The hosted page's only server calls (lib/capture/types.ts is the contract). The token in the URL
// is the credential; the device cookie set by GET rides along on same-origin requests. An error's
// message is for the log and the embedding site's didit:error event, never for the screen: the page
// shows the catalogue's words for `reason` (a refused upload) or for the status.
export class CaptureApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
    readonly reason: RetryReason | null = null,
  ) {
    super(message);
    this.name = "CaptureApiError";
  }
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { cache: "no-store", credentials: "same-origin", ...init });
  if (res.ok) return (await res.json()) as T;
  let code: string | null = null;
  let reason: RetryReason | null = null;
  let message = res.statusText || `HTTP ${res.status}`;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; details?: { reason?: unknown } } | string; detail?: string; message?: string };
    if (typeof body.error === "object" && body.error) {
      code = body.error.code ?? null;
      message = body.error.message ?? message;
      reason = isRetryReason(body.error.details?.reason) ? body.error.details.reason : null;
    } else {
      message = (typeof body.error === "string" ? body.error : null) ?? body.detail ?? body.message ?? message;
    }
  } catch {
    // not JSON: keep the status text
  }
  throw new CaptureApiError(res.status, code, message, reason);
}

const base = (token: string) => `/api/capture/${encodeURIComponent(token)}`;

export function fetchCaptureState(token: string): Promise<CaptureState> {
  return call<CaptureState>(base(token));
}

/** Start, with this browser's device-key proof when it has one; `avoidFlashing`: the head-turn check
 * instead of flashing colours (also once started: it replaces a FLASHING challenge not yet answered). */
export function startCapture(token: string, deviceKey: DeviceKeyProof | null, avoidFlashing = false): Promise<CaptureState> {
  const body = { ...(deviceKey ? { device_key: deviceKey } : {}), ...(avoidFlashing ? { avoid_flashing: true } : {}) };
  return call<CaptureState>(`${base(token)}/start`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

/** Switch the page's language; the session keeps it. */
export function setCaptureLanguage(token: string, language: Language): Promise<CaptureState> {
  return call<CaptureState>(`${base(token)}/language`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ language }) });
}

/** The single-use nonce for the PASSIVE burst about to be taken. */
export function requestBurst(token: string, challengeId: string): Promise<BurstTicket> {
  return call<BurstTicket>(`${base(token)}/burst`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ challenge_id: challengeId }) });
}

export type BurstProof = { nonce: string; times: number[] };
/** an ACTIVE_3D answer's trace: small frames, [turn, ms after its prompt] each, ms from each prompt to its turn frame */
export type TraceProof = { frames: Blob[]; times: [number, number][]; turnTimes: number[] };
/** what goes with the frames: a PASSIVE burst's nonce and times, or a head-turn trace */
export type CaptureProof = { burst?: BurstProof; trace?: TraceProof };

/** Frames in challenge order as one multipart request, with the method's proof. */
export function submitFrames(token: string, { challengeId, frames, auto, burst, trace }: { challengeId: string; frames: Blob[]; auto: boolean } & CaptureProof): Promise<FrameResult> {
  const form = new FormData();
  form.append("challenge_id", challengeId);
  frames.forEach((frame, i) => form.append("frames", frame, `frame-${i + 1}.jpg`));
  if (auto) form.append("auto", "true");
  if (burst) {
    form.append("burst_nonce", burst.nonce);
    form.append("frame_times", JSON.stringify(burst.times));
  }
  if (trace) {
    trace.frames.forEach((frame, i) => form.append("trace", frame, `trace-${i + 1}.jpg`));
    form.append("trace_times", JSON.stringify(trace.times));
    form.append("turn_times", JSON.stringify(trace.turnTimes));
  }
  return call<FrameResult>(`${base(token)}/frames`, { method: "POST", body: form });
}
