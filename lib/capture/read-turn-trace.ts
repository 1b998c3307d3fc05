import type { MultipartForm } from "@/lib/api/read-multipart-form";
import { fileBytes, getJsonField, isNumberArray } from "@/lib/checks/form-fields";
import { turnTiming } from "@/lib/capture/verify-turn-timing";

// The trace of an ACTIVE_3D answer as the page sends it (verify-turn-timing.ts): `trace` files (small
// JPEGs), `trace_times` a JSON array of [turn index, ms after that turn's prompt], one per file, and
// `turn_times` a JSON array of ms from each prompt to its turn frame. Absent altogether: null (the
// challenge then fails as not followed); present but malformed: a message for the refusal.
export const MAX_TRACE_FRAMES = 96;

export type RawTurnTrace = { uploads: Uint8Array[]; times: { turn: number; t: number }[]; turnTimes: number[] };

export function readTurnTrace(form: MultipartForm, turns: number): RawTurnTrace | null | { error: string } {
  const files = form.getAll("trace");
  const times = getJsonField(form, "trace_times", 8000);
  const turnTimes = getJsonField(form, "turn_times", 400);
  if (files.length === 0 && times === null && turnTimes === null) return null;
  if (files.length > MAX_TRACE_FRAMES) return { error: `At most ${MAX_TRACE_FRAMES} trace frames; got ${files.length}.` };
  if (!isNumberArray(turnTimes, turns)) return { error: `turn_times must be a JSON array of ${turns} numbers.` };
  const pairOk = (p: unknown) => isNumberArray(p, 2) && Number.isInteger(p[0]) && p[0] >= 0 && p[0] < turns && p[1] >= -turnTiming.maxLeadMs && p[1] <= turnTiming.maxResponseMs;
  if (!Array.isArray(times) || times.length !== files.length || !times.every(pairOk)) return { error: `trace_times must be a JSON array of ${files.length} [turn, ms] pairs.` };
  const samples = (times as [number, number][]).map(([turn, t]) => ({ turn, t }));
  if (samples.some((s, i) => i > 0 && (s.turn < samples[i - 1].turn || (s.turn === samples[i - 1].turn && s.t <= samples[i - 1].t)))) return { error: "trace_times must be in capture order." };
  return { uploads: files.map((f) => fileBytes(f, "trace")), times: samples, turnTimes };
}
