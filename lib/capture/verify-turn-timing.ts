import type { HeadTurn } from "@/lib/capture/types";
import { turnReach, type Pose } from "@/lib/capture/verify-head-turns";

// ACTIVE_3D, in time: besides its one frame per turn, the page sends small frames taken every ~200 ms
// from shortly before each prompt until that turn's frame (a trace), with times relative to the prompt.
// A person looks straight while waiting (the page holds each prompt back for a random time the server
// chose), starts to move only after the prompt appears, and moves the way it asks. A video played into
// the camera does none of this on cue: whatever it shows turns on its own schedule, often the wrong way
// first, or before the prompt. One frame per turn could not tell; the trace does.
export type TraceSample = { turn: number; t: number; pose: Pose | null };
export type TurnTrace = { samples: TraceSample[]; turnTimes: number[] };
export type TimingVerdict = { ok: boolean; reason: string | null };

export const turnTiming = {
  /** how straight the head must be before its prompt, in degrees from the straight frame */
  straightYaw: 8,
  straightPitch: 6,
  /** nobody sees a prompt and turns within this: until then the head is still straight */
  minReactionMs: 250,
  /** a person who sees the prompt starts to move within this */
  maxOnsetMs: 1000,
  /** a straight look must be seen this close before the prompt */
  straightWindowMs: 700,
  /** largest gap between looks at the head, prompt to turn: a turn out and back again takes longer */
  maxGapMs: 650,
  /** the page captures each turn by this time after its prompt at the latest */
  maxResponseMs: 8000,
  /** how far before the prompt the page may send samples */
  maxLeadMs: 2000,
};

/** The way a pose is turned against the asked `turn`, if it is clearly turned another way. */
export function wrongWay(delta: Pose, turn: HeadTurn): HeadTurn | null {
  const reach = turnReach(delta);
  const other = (Object.keys(reach) as HeadTurn[]).filter((d) => d !== turn).sort((a, b) => reach[b] - reach[a])[0];
  return reach[other] >= 1 && reach[other] > reach[turn] ? other : null;
}

function isStraight(delta: Pose): boolean {
  return Math.abs(delta.yaw) < turnTiming.straightYaw && Math.abs(delta.pitch) < turnTiming.straightPitch;
}

/**
 * Whether the head followed each prompt in time: straight just before the prompt and for the first
 * `minReactionMs` after it, never clearly turned another way before the turn's frame, seen at least
 * every `maxGapMs` in between. `straight`: the pose of the straight frame; `turnPoses`: each turn frame's.
 */
export function verifyTurnTiming(input: { turns: HeadTurn[]; straight: Pose; turnPoses: Pose[]; trace: TurnTrace | null }): TimingVerdict {
  const { turns, straight, trace } = input;
  if (!trace) return { ok: false, reason: "no trace of the turns was sent" };
  if (trace.turnTimes.length !== turns.length) return { ok: false, reason: "the trace does not fit the challenge" };
  const delta = (p: Pose): Pose => ({ yaw: p.yaw - straight.yaw, pitch: p.pitch - straight.pitch });
  for (let i = 0; i < turns.length; i++) {
    const turnAt = trace.turnTimes[i];
    if (!(turnAt >= turnTiming.minReactionMs && turnAt <= turnTiming.maxResponseMs)) return { ok: false, reason: `turn ${i + 1} was taken ${Math.round(turnAt)} ms after its prompt` };
    const samples = trace.samples.filter((s) => s.turn === i && s.t <= turnAt);
    const looks = samples.flatMap((s) => (s.pose ? [{ t: s.t, pose: s.pose }] : []));
    const seen = [...looks, { t: turnAt, pose: input.turnPoses[i] }];
    const before = seen.filter((s) => s.t <= 0 && s.t >= -turnTiming.straightWindowMs);
    if (before.length === 0) return { ok: false, reason: `the head was not seen right before prompt ${i + 1}` };
    for (const s of seen) {
      const d = delta(s.pose);
      if (s.t < turnTiming.minReactionMs && !isStraight(d)) return { ok: false, reason: `the head had moved ${s.t <= 0 ? "before" : "right after"} prompt ${i + 1} (${turns[i]})` };
      const wrong = wrongWay(d, turns[i]);
      if (wrong) return { ok: false, reason: `the head turned ${wrong} when asked to turn ${turns[i]}` };
    }
    const onset = seen.find((s) => !isStraight(delta(s.pose)));
    if (!onset || onset.t > turnTiming.maxOnsetMs) return { ok: false, reason: `the head began to turn only ${Math.round(onset?.t ?? turnAt)} ms after prompt ${i + 1}` };
    for (let k = seen.indexOf(before[0]) + 1; k < seen.length; k++) {
      if (seen[k].t - seen[k - 1].t > turnTiming.maxGapMs) return { ok: false, reason: `the head was not seen for ${Math.round(seen[k].t - seen[k - 1].t)} ms during turn ${i + 1}` };
    }
  }
  return { ok: true, reason: null };
}
