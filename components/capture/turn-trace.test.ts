import { describe, expect, it } from "vitest";
import { TraceRecorder, TRACE_LEAD_MS } from "./turn-trace";

describe("head-turn trace", () => {
  it("keeps each turn's frames from shortly before its prompt to its turn frame, timed from the prompt", () => {
    const trace = new TraceRecorder<string>();
    // in time order, as the page records: turn 0 held from 1000, prompted at 2000, its frame at 2650;
    // turn 1 held from 3000, prompted at 4000, its frame at 4500
    const events: [number, () => void][] = [[2000, () => trace.prompt(0, 2000)], [2650, () => trace.take(0, 2650)], [4000, () => trace.prompt(1, 4000)], [4500, () => trace.take(1, 4500)]];
    for (let at = 1000; at <= 4600; at += 50) {
      for (const [when, run] of events) if (when === at) run();
      if (at % 200 === 0 && at <= 2800) trace.add(0, at, `a${at}`);
      if (at % 200 === 0 && at >= 3000) trace.add(1, at, `b${at}`);
    }
    const answer = trace.answer();
    expect(answer.turnTimes).toEqual([650, 500]);
    expect(answer.times).toEqual([
      [0, -600], [0, -400], [0, -200], [0, 0], [0, 200], [0, 400], [0, 600],
      [1, -600], [1, -400], [1, -200], [1, 0], [1, 200], [1, 400],
    ]);
    expect(answer.frames[0]).toBe("a1400");
    expect(answer.times.every(([, t]) => t >= -TRACE_LEAD_MS)).toBe(true);
  });

  it("lets go of hold frames older than the lead while waiting for the prompt", () => {
    const trace = new TraceRecorder<number>();
    for (let at = 0; at <= 10_000; at += 200) trace.add(0, at, at);
    expect(trace.prompted(0)).toBe(false);
    trace.prompt(0, 10_000);
    trace.take(0, 10_000);
    expect(trace.answer().frames).toEqual([9400, 9600, 9800, 10_000]);
  });
});
