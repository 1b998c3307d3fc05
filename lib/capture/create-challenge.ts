import { randomInt, randomUUID } from "node:crypto";
import type { CaptureChallenge, HeadTurn, LivenessMethod } from "@/lib/capture/types";
import { BURST_FRAMES, BURST_INTERVAL_MS } from "@/lib/capture/verify-capture-burst";

const PALETTE = ["#ff2020", "#20d020", "#2040ff", "#ffffff", "#ff20ff", "#20ffff", "#ffff20"];
export const FLASH_COLORS = 6;
const TURNS: HeadTurn[] = ["left", "right", "up", "down"];
export const ACTIVE_TURNS = 3;
export const HOLD_MIN_MS = 800;
export const HOLD_MAX_MS = 2400;

// A fresh, unpredictable challenge per attempt: a recorded answer to an earlier one does not fit.
export function createChallenge(method: LivenessMethod): CaptureChallenge {
  const id = randomUUID();
  if (method === "FLASHING") {
    const colors: string[] = [];
    // six colours: a face lit by a guessed random sequence passes about 3 % of the time (four: 9 %)
    while (colors.length < FLASH_COLORS) {
      const next = PALETTE[randomInt(PALETTE.length)];
      if (next !== colors.at(-1)) colors.push(next);
    }
    return { id, method, colors, stepMs: 600 };
  }
  if (method === "ACTIVE_3D") {
    // three turns, each a different direction from the one before (36 sequences), each prompt held back
    // for a random time: a recording of an earlier answer turns the wrong way or at the wrong moment
    // (verify-turn-timing.ts)
    const turns: HeadTurn[] = [];
    while (turns.length < ACTIVE_TURNS) {
      const next = TURNS[randomInt(TURNS.length)];
      if (next !== turns.at(-1)) turns.push(next);
    }
    const holdsMs = turns.map(() => HOLD_MIN_MS + 100 * randomInt((HOLD_MAX_MS - HOLD_MIN_MS) / 100 + 1));
    return { id, method, turns, holdsMs };
  }
  return { id, method: "PASSIVE", frames: BURST_FRAMES, intervalMs: BURST_INTERVAL_MS };
}
