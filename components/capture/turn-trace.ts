// The trace of a head-turn answer (lib/capture/verify-turn-timing.ts): a small frame every
// TRACE_SAMPLE_MS while a turn step runs, sent from TRACE_LEAD_MS before its prompt up to its turn
// frame, each with its time relative to that prompt.
export const TRACE_SAMPLE_MS = 200;
export const TRACE_LEAD_MS = 600;
export const TRACE_WIDTH = 360;

export type TraceAnswer<T> = { frames: T[]; times: [number, number][]; turnTimes: number[] };

export class TraceRecorder<T> {
  private samples: { turn: number; at: number; frame: T }[] = [];
  private prompts: number[] = [];
  private taken: number[] = [];

  /** a frame of `turn`'s step at time `at` (ms, the page's clock); older hold frames are let go */
  add(turn: number, at: number, frame: T): void {
    if (this.prompts[turn] === undefined) this.samples = this.samples.filter((s) => s.turn !== turn || s.at >= at - TRACE_LEAD_MS);
    this.samples.push({ turn, at, frame });
  }

  prompt(turn: number, at: number): void {
    this.prompts[turn] = at;
  }

  prompted(turn: number): boolean {
    return this.prompts[turn] !== undefined;
  }

  /** `turn`'s frame was taken at `at` */
  take(turn: number, at: number): void {
    this.taken[turn] = at;
  }

  answer(): TraceAnswer<T> {
    const kept = this.samples.filter((s) => this.prompts[s.turn] !== undefined && s.at >= this.prompts[s.turn] - TRACE_LEAD_MS && s.at <= (this.taken[s.turn] ?? Infinity));
    return {
      frames: kept.map((s) => s.frame),
      times: kept.map((s) => [s.turn, Math.round(s.at - this.prompts[s.turn])]),
      turnTimes: this.taken.map((at, turn) => Math.round(at - this.prompts[turn])),
    };
  }
}
