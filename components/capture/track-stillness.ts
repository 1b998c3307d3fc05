// Whether the camera is being moved, judged the way a person holds a phone. Small drift, tremor and
// sensor noise are normal for a hand-held camera and must not restart the auto-capture countdown;
// walking the phone around (the face sliding across the frame or changing size) must.
//
// With a detected face, motion is the face box's displacement from a slowly following anchor, in face
// widths, so it means the same at any resolution and distance. The anchor leaks towards the face by
// `follow` per tick: a steady drift of v face widths per tick lags it by v / follow, so a slow hand
// never accumulates into "moving", while a sweep does. Hysteresis: leaving "steady" needs an excursion
// of `leave`, coming back needs a tick-to-tick change below `settle`. Without a face (no detector) the
// thumbnail's mean luma change stands in, smoothed over a few ticks, with the same kind of hysteresis.
export type StillnessFace = { cx: number; cy: number; w: number };
export type StillnessState = { anchor: StillnessFace | null; last: StillnessFace | null; steady: boolean; pixel: number | null };

export const stillnessLimits = {
  /** fraction of the way the anchor moves towards the face each tick (~5 ticks a second) */
  follow: 0.25,
  /** distance from the anchor, in face widths, that means the camera is being moved */
  leave: 0.18,
  /** change in face size (|ln ratio|) against the anchor that means the camera is being moved */
  leaveScale: 0.15,
  /** tick-to-tick change, in face widths and |ln size ratio|, under which a moving camera has settled */
  settle: 0.06,
  settleScale: 0.06,
  /** without a face: smoothed mean luma change per pixel (0-255) to leave, and to settle again */
  pixelLeave: 14,
  pixelSettle: 8,
  /** weight of the newest tick in the smoothed luma change */
  pixelSmoothing: 0.5,
};

export const initialStillness: StillnessState = { anchor: null, last: null, steady: true, pixel: null };

const distance = (a: StillnessFace, b: StillnessFace) => Math.hypot(a.cx - b.cx, a.cy - b.cy) / Math.max(1, b.w);
const scaleChange = (a: StillnessFace, b: StillnessFace) => Math.abs(Math.log(Math.max(1, a.w) / Math.max(1, b.w)));

export function trackStillness(state: StillnessState, input: { face: StillnessFace | null; pixelMotion: number | null }): StillnessState {
  const l = stillnessLimits;
  const { face, pixelMotion } = input;
  if (face) {
    const { anchor, last } = state;
    if (!anchor || !last) return { anchor: face, last: face, steady: state.steady, pixel: null };
    if (state.steady) {
      const moved = distance(face, anchor) > l.leave || scaleChange(face, anchor) > l.leaveScale;
      if (moved) return { anchor: face, last: face, steady: false, pixel: null };
      const next = { cx: anchor.cx + l.follow * (face.cx - anchor.cx), cy: anchor.cy + l.follow * (face.cy - anchor.cy), w: anchor.w + l.follow * (face.w - anchor.w) };
      return { anchor: next, last: face, steady: true, pixel: null };
    }
    const settled = distance(face, last) < l.settle && scaleChange(face, last) < l.settleScale;
    return { anchor: face, last: face, steady: settled, pixel: null };
  }
  // A face missed for a tick keeps its anchor: when it comes back somewhere else, that was motion.
  // Only with no face to follow at all (no detector) do the pixels decide.
  if (state.anchor || pixelMotion === null) return state;
  const pixel = state.pixel === null ? pixelMotion : state.pixel + l.pixelSmoothing * (pixelMotion - state.pixel);
  const steady = state.steady ? pixel <= l.pixelLeave : pixel < l.pixelSettle;
  return { ...state, steady, pixel };
}
