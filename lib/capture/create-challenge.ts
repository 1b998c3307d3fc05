import { randomInt, randomUUID } from "node:crypto";
import type { CaptureChallenge, HeadTurn, LivenessMethod } from "@/lib/capture/types";
import { BURST_FRAMES, BURST_INTERVAL_MS } from "@/lib/capture/verify-capture-burst";

const PALETTE = ["#ff2020", "#20d020", "#2040ff", "#ffffff", "#ff20ff", "#20ffff", "#ffff20"];
export const FLASH_COLORS = 6;
const TURNS: HeadTurn[] = ["left", "right", "up", "down"];

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
    const first = TURNS[randomInt(2)];
    const second = first === "left" ? "right" : "left";
    return { id, method, turns: randomInt(2) ? [first, second] : [first, second, TURNS[2 + randomInt(2)]] };
  }
  return { id, method: "PASSIVE", frames: BURST_FRAMES, intervalMs: BURST_INTERVAL_MS };
}
